/**
 * Activities of the schakeltraject vso → regulier vo (transitionCaseWorkflow): the case's steps
 * stored, its mails through the outbox, its personal data erased after the retention period.
 * The worker holds no personal data key: it stores ids, codes and dates, mails people by id
 * and erases by deleting; only the api decrypts a pupil's data, for the people on the case.
 */
import { TRANSITION_PHASE_OWNER } from '@jaarcyclus/domain';
import { type CycleKitDeps, createCycleKit, defineCycle, refuse } from '@jaarcyclus/cycles';
import type { TransitionActivities, TransitionNotification } from '@jaarcyclus/workflows';
import { type TransitionMailData, renderTransitionMail } from '../mail/transition-templates';

export const TRANSITION_CYCLE = defineCycle({ kind: 'transition', taskKinds: [] });

type Audience = TransitionMailData['audience'];

export function createTransitionActivities(deps: CycleKitDeps): TransitionActivities {
  const kit = createCycleKit(TRANSITION_CYCLE, deps);
  const cases = kit.repos.transitions;

  /** Who a notification goes to, by person id, and as what. */
  async function audience(n: TransitionNotification): Promise<Map<string, Audience>> {
    const people = await cases.people(n.organisationId, n.caseId);
    const owner = TRANSITION_PHASE_OWNER[n.phase] === 'vso' ? people.vso : people.regular;
    const to = new Map<string, Audience>();
    const add = (ids: string[], as: Audience): void => {
      for (const id of ids) if (!to.has(id)) to.set(id, as);
    };
    switch (n.kind) {
      case 'opened':
        add(people.parents, 'parent');
        add(people.ect, 'participant');
        break;
      case 'phaseEntered':
        add(owner, 'owner');
        add(people.ect, 'participant');
        add(people.parents, 'parent');
        break;
      case 'parentsAsked':
        add(people.parents, 'parent');
        break;
      case 'evaluationDue':
        add(people.regular, 'owner');
        add(people.ect, 'participant');
        break;
      case 'stalled':
        if (n.level === 1) add(owner, 'owner');
        if (n.level === 2) add(people.ect, 'ect');
        if (n.level === 3) add(people.secretariat, 'secretariat');
        break;
      case 'closed':
        add([...people.vso, ...people.regular, ...people.ect], 'participant');
        add(people.parents, 'parent');
        break;
    }
    return to;
  }

  return {
    async recordTransitionStep(input) {
      await kit.repos.transaction(async (tx) => {
        await tx.transitions.recordStep(input);
        // The audit trail keeps the step with codes and ids only; the text is in the note.
        await tx.audit.append([
          {
            idempotencyKey: `${input.workflowId}:step-${input.seq}`,
            organisationId: input.organisationId,
            workflowId: input.workflowId,
            actorPersonId: input.actorPersonId,
            action: `transition_${input.kind}`,
            occurredAt: null,
            payload: { caseId: input.caseId, phase: input.state.phase, ...input.facts },
          },
        ]);
      });
    },

    async notifyTransition(n) {
      const organisationName = await kit.organisationName(n.organisationId);
      const to = await audience(n);
      const recipients = await kit.recipients(n.organisationId, [...to.keys()]);
      const schools = await cases.schoolNames(n.organisationId, n.caseId);
      if (schools === null) refuse('NOT_FOUND', `transition case ${n.caseId} does not exist`);
      return kit.mailEach({
        organisationId: n.organisationId,
        idempotencyKeyPrefix: n.idempotencyKeyPrefix,
        to: [...to.keys()],
        recipients,
        render: (r) => {
          const as = to.get(r.id)!;
          return renderTransitionMail(r.locale, n.kind, {
            organisationName,
            recipientName: r.name,
            vsoSchoolName: schools.vso,
            regularSchoolName: schools.regular,
            phase: n.phase,
            dueOn: n.dueOn,
            level: n.level,
            audience: as,
            link: kit.url(
              as === 'secretariat' ? '/app/transitions' : `/app/transitions/${n.caseId}`,
            ),
          });
        },
      });
    },

    async eraseTransitionCase(input) {
      const erased = await cases.erase(input.organisationId, input.caseId);
      // The tombstone: what was erased and when, without what it was.
      await kit.recordAudit({
        idempotencyKey: input.idempotencyKey,
        organisationId: input.organisationId,
        workflowId: input.workflowId,
        actorPersonId: null,
        action: 'transition_erased',
        occurredAt: input.at,
        payload: { caseId: input.caseId, erased: ['pupil', 'notes', 'parents'] },
      });
      return erased;
    },
  };
}
