/**
 * Activities of the autumn ECT evaluation (docs/domain.md, source 001 §7.4) on the cycle kit:
 * a task and mails per school for its ECT member, the stored form, the escalation of late
 * schools to the secretariat, the read model. Idempotent: tasks upsert on (workflow, person,
 * kind, ref), mails carry `${workflowId}:${step}:${schoolId}` (one per school, also when one
 * ECT member serves several), the form is stored once per school and year.
 */
import { type CycleKitDeps, createCycleKit, defineCycle } from '@jaarcyclus/cycles';
import { type EctEvaluationActivities, ectTaskRef } from '@jaarcyclus/workflows';
import {
  renderEctInvitationMail,
  renderEctOverdueMail,
  renderEctReminderMail,
} from '../mail/cycles-templates';

export const ECT_EVALUATION_CYCLE = defineCycle({
  kind: 'ect_evaluation',
  taskKinds: ['evaluate'],
});

/** The form of one school in one year (what the task and the mails link to). */
export function ectFormPath(year: number, schoolId: string): string {
  return `/app/ect-evaluations/${year}/schools/${schoolId}`;
}

export function createEctEvaluationActivities(deps: CycleKitDeps): EctEvaluationActivities {
  const kit = createCycleKit(ECT_EVALUATION_CYCLE, deps);
  const { repos } = kit;

  /** Mails one message per school to its ECT member. */
  async function mailSchools(
    input: Parameters<EctEvaluationActivities['sendEctReminders']>[0],
    render: typeof renderEctInvitationMail,
  ): Promise<void> {
    const [org, names, recipients] = await Promise.all([
      kit.organisationName(input.organisationId),
      repos.schools.names(
        input.organisationId,
        input.schools.map((s) => s.schoolId),
      ),
      kit.recipients(
        input.organisationId,
        input.schools.map((s) => s.ectPersonId),
      ),
    ]);
    for (const s of input.schools) {
      const to = recipients.get(s.ectPersonId);
      if (!to) continue;
      await kit.deliver({
        organisationId: input.organisationId,
        idempotencyKeyPrefix: input.idempotencyKeyPrefix,
        recipientKey: s.schoolId,
        to,
        mail: render(to.locale, {
          organisationName: org,
          recipientName: to.name,
          schoolName: names.get(s.schoolId) ?? '',
          year: input.year,
          deadline: input.deadline,
          formUrl: kit.url(ectFormPath(input.year, s.schoolId)),
        }),
      });
    }
  }

  return {
    async openEctEvaluations(input) {
      const [names, recipients] = await Promise.all([
        repos.schools.names(
          input.organisationId,
          input.schools.map((s) => s.schoolId),
        ),
        kit.recipients(
          input.organisationId,
          input.schools.map((s) => s.ectPersonId),
        ),
      ]);
      // All tasks first: the ECT members see them in the app even while the mail server is down.
      for (const s of input.schools) {
        if (!recipients.has(s.ectPersonId)) continue;
        await kit.openTask({
          organisationId: input.organisationId,
          personId: s.ectPersonId,
          workflowId: input.workflowId,
          kind: 'evaluate',
          refKey: ectTaskRef(input.year, s.schoolId),
          title: `Evaluatie ${input.year}: ${names.get(s.schoolId) ?? ''}`,
          dueAt: input.deadline,
          payload: {
            year: input.year,
            schoolId: s.schoolId,
            path: ectFormPath(input.year, s.schoolId),
          },
        });
      }
      await mailSchools(input, renderEctInvitationMail);
    },

    async sendEctReminders(input) {
      await mailSchools(input, renderEctReminderMail);
    },

    async storeEctEvaluation(input) {
      await repos.transaction(async (tx) => {
        await tx.ectEvaluations.store({
          organisationId: input.organisationId,
          schoolId: input.schoolId,
          year: input.year,
          workflowId: input.workflowId,
          ectPersonId: input.personId,
          findings: input.findings,
          agreements: input.agreements,
          at: input.at,
        });
        await tx.tasks.update({
          workflowId: input.workflowId,
          kind: 'evaluate',
          refKey: input.taskRefKey,
          status: 'done',
          at: input.at,
        });
      });
    },

    async escalateEctOverdue(input) {
      const secretariat = await repos.persons.activeWithRole(input.organisationId, 'secretariat');
      const [org, names, recipients] = await Promise.all([
        kit.organisationName(input.organisationId),
        repos.schools.names(input.organisationId, input.schoolIds),
        kit.recipients(
          input.organisationId,
          secretariat.map((p) => p.id),
        ),
      ]);
      const schools = input.schoolIds.map((id) => names.get(id) ?? id).sort();
      await kit.mailEach({
        organisationId: input.organisationId,
        idempotencyKeyPrefix: input.idempotencyKeyPrefix,
        to: secretariat.map((p) => p.id),
        recipients,
        render: (person) =>
          renderEctOverdueMail(person.locale, {
            organisationName: org,
            recipientName: person.name,
            year: input.year,
            deadline: input.deadline,
            schools,
            overviewUrl: kit.url(`/app/cycles/ect-evaluation/${input.year}`),
          }),
      });
    },

    async cancelEctTasks(input) {
      for (const schoolId of input.schoolIds) {
        await kit.updateTasks({
          workflowId: input.workflowId,
          kind: 'evaluate',
          refKey: ectTaskRef(input.year, schoolId),
          status: 'cancelled',
          at: input.at,
        });
      }
    },

    async publishEctEvaluationState(input) {
      await kit.publishState({ ...input, writes: [] });
    },
  };
}
