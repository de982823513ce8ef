/**
 * Activities of collegial visitations and audits (docs/domain.md §3, source 001 §6.2): the
 * business steps of `visitWorkflow` and `visitationProgrammeWorkflow` on top of the cycle kit
 * (tasks, audit trail, mail through the outbox, active recipients). Idempotent: mails and
 * tasks are keyed by the workflow's step prefix and the recipient; a published visit state
 * replaces only an older one; a visit workflow is started under its business-key id once.
 *
 * Workflows pass ids only (AVG, docs/domain.md, source 001 §1.4); names and addresses are read here.
 */
import { Context } from '@temporalio/activity';
import { formatCalendarDate, catalogueFor, type Locale } from '@jaarcyclus/i18n';
import { type CycleKitDeps, type Recipient, createCycleKit, defineCycle } from '@jaarcyclus/cycles';
import { resolveSeat } from '@jaarcyclus/scheduling';
import {
  type EscalateVisitInput,
  type NotifyVisitInput,
  type ResolveVisitSeatResult,
  type VisitActivities,
  type VisitWorkflowInput,
  type VisitationProgrammeActivities,
  TASK_QUEUES,
  visitWorkflowId,
} from '@jaarcyclus/workflows';
import { type Block, compose, formatInstant } from '../mail/templates';

/** Visitations: read-model rows of kind 'visitation'; four kinds of task. */
export const VISITATION_CYCLE = defineCycle({
  kind: 'visitation',
  taskKinds: ['visit_confirm', 'visit_report', 'visit_follow_up', 'visit_check'],
});

const VISIT_WORKFLOW_TYPE = 'visitWorkflow';

export function createVisitationActivities(
  deps: CycleKitDeps & {
    /** The worker's clock: when a published visit counts as planned (default: now). */
    now?: () => number;
  },
): VisitActivities & VisitationProgrammeActivities {
  const clock = deps.now ?? Date.now;
  const kit = createCycleKit(VISITATION_CYCLE, deps);
  const repos = kit.repos;

  /** What a mail says about the visit, in the reader's language. */
  const about = async (organisationId: string, visitId: string) => {
    const visit = await repos.visitation.visit(organisationId, visitId);
    if (!visit) throw new Error(`visit ${visitId} not found`);
    const programme = await repos.visitation.programme(organisationId, visit.programmeId);
    return {
      visit,
      kind: programme!.kind,
      org: await kit.organisationName(organisationId),
    };
  };

  const args = (
    locale: Locale,
    a: Awaited<ReturnType<typeof about>>,
    input: { visitDate: string; dueAt?: string; step?: string },
  ) => {
    const t = catalogueFor(locale).mail.visitation;
    return {
      org: a.org,
      kind: t.kinds[a.kind],
      host: a.visit.hostName,
      date: formatCalendarDate(locale, input.visitDate),
      due: input.dueAt ? formatInstant(locale, input.dueAt) : '',
      step: input.step ? (t.steps[input.step as keyof typeof t.steps] ?? input.step) : '',
    };
  };

  const secretariat = async (organisationId: string): Promise<Map<string, Recipient>> => {
    const people = await repos.persons.activeWithRole(organisationId, 'secretariat');
    return kit.recipients(
      organisationId,
      people.map((p) => p.id),
    );
  };

  return {
    async notifyVisit(input: NotifyVisitInput): Promise<number> {
      const a = await about(input.organisationId, input.visitId);
      // The host SWV's people and an accepted partner SWV's (joint programmes): each gets the
      // task in their own tenant.
      const recipients: Map<string, Recipient & { organisationId?: string }> =
        input.to === 'secretariat'
          ? await secretariat(input.organisationId)
          : new Map(
              (await repos.visitation.participantContacts(input.programmeId, input.to)).map((c) => [
                c.id,
                c,
              ]),
            );
      let sent = 0;
      for (const r of recipients.values()) {
        const t = catalogueFor(r.locale).mail.visitation;
        const words = t[input.kind === 'follow_up_assigned' ? 'follow_up_assigned' : input.kind];
        const x = args(r.locale, a, input);
        let link: Block[] = [];
        if (input.task) {
          const taskId = await kit.openTask({
            organisationId: r.organisationId ?? input.organisationId,
            personId: r.id,
            workflowId: input.workflowId,
            kind: input.task.kind,
            refKey: input.task.refKey,
            title: `${catalogueFor(r.locale).web.taskKind[input.task.kind]} – ${a.visit.hostName}`,
            dueAt: input.task.dueAt,
            payload: { visitId: input.visitId, programmeId: input.programmeId },
          });
          link = [{ link: kit.taskUrl(taskId), label: t.open }];
        }
        const mail = compose(
          words.subject(x),
          [catalogueFor(r.locale).mail.greeting(r.name), words.body(x), ...link],
          catalogueFor(r.locale).mail.footer(a.org),
        );
        if (
          await kit.deliver({
            organisationId: input.organisationId,
            idempotencyKeyPrefix: input.idempotencyKeyPrefix,
            to: r,
            mail,
          })
        )
          sent += 1;
      }
      return sent;
    },

    async escalateVisit(input: EscalateVisitInput): Promise<number> {
      const a = await about(input.organisationId, input.visitId);
      const owing = new Map(
        (
          await repos.visitation.participantContacts(a.visit.programmeId, input.owedByPersonIds)
        ).map((c) => [c.id, c]),
      );
      const names = input.owedByPersonIds.map((id) => owing.get(id)?.name ?? id);
      let sent = 0;
      for (const r of (await secretariat(input.organisationId)).values()) {
        const t = catalogueFor(r.locale).mail.visitation;
        const x = args(r.locale, a, input);
        const mail = compose(
          t.escalation.subject(x),
          [
            catalogueFor(r.locale).mail.greeting(r.name),
            t.escalation[input.reason](x),
            ...(names.length > 0 ? [{ lines: names }] : []),
            {
              link: kit.url(`/app/visitations/${a.visit.programmeId}`),
              label: t.open,
            },
          ],
          catalogueFor(r.locale).mail.footer(a.org),
        );
        if (
          await kit.deliver({
            organisationId: input.organisationId,
            idempotencyKeyPrefix: input.idempotencyKeyPrefix,
            to: r,
            mail,
          })
        )
          sent += 1;
      }
      return sent;
    },

    async updateVisitTasks(input): Promise<void> {
      await kit.updateTasks(input);
    },

    async resolveVisitSeat(input): Promise<ResolveVisitSeatResult> {
      const instance = await repos.visitation.instance(input.organisationId, input.programmeId);
      const visit = await repos.visitation.visit(input.organisationId, input.visitId);
      if (!instance || !visit) return { status: 'infeasible', reasons: ['NOT_FOUND'] };
      const schedule = await repos.visitation.schedule(input.organisationId, input.programmeId);
      const resolution = await resolveSeat(schedule, visit.hostId, input.visitorId, instance);
      if (resolution.status !== 'resolved' || !resolution.replacement) {
        return { status: 'infeasible', reasons: resolution.infeasibility.map((e) => e.code) };
      }
      const team = resolution.schedule!.visits.find((v) => v.hostId === visit.hostId)!.team;
      // Stored at once: the next decline in this programme re-solves around this team.
      await repos.visitation.setTeam(input.organisationId, input.visitId, team);
      return {
        status: 'resolved',
        replacement: resolution.replacement,
        ...(resolution.newChair ? { newChair: resolution.newChair } : {}),
      };
    },

    async publishVisitState(input): Promise<void> {
      const v = input.view;
      await repos.visitation.publishVisitState({
        organisationId: input.organisationId,
        visitId: input.visitId,
        workflowId: input.workflowId,
        seq: input.seq,
        status: v.status,
        visitDate: v.visitDate,
        team: v.team,
        // The read model keeps no history of names: ids and codes only.
        state: v,
        followUps: v.followUps.map((f) => ({
          key: f.key,
          description: f.description,
          ownerPersonId: f.ownerPersonId,
          dueDate: f.dueDate,
          status: f.status,
          doneAt: f.doneAt,
        })),
        audit: input.writes.map((w) => ({
          idempotencyKey: w.idempotencyKey,
          organisationId: input.organisationId,
          workflowId: input.workflowId,
          actorPersonId: w.actorPersonId,
          action: `visit_${w.action}`,
          occurredAt: w.occurredAt,
          payload: { ...w.payload, visitId: input.visitId },
        })),
      });
    },

    async startVisitWorkflows(input) {
      const ctx = Context.current();
      const programme = await repos.visitation.programme(input.organisationId, input.programmeId);
      if (!programme) return { started: 0, lastVisitId: null };
      const visits = await repos.visitation.visitsAfter(
        input.organisationId,
        input.programmeId,
        input.afterVisitId,
        input.limit,
      );
      let started = 0;
      for (const v of visits) {
        const args: VisitWorkflowInput = {
          organisationId: input.organisationId,
          programmeId: input.programmeId,
          visitId: v.id,
          hostId: v.hostId,
          visitDate: v.visitDate,
          ...(v.hostKind !== 'process' ? { region: v.region } : {}),
          playbook: programme.playbook,
          hostPersonIds: v.contactPersonIds,
          team: v.team,
          plannedFrom: new Date(clock()).toISOString(),
        };
        try {
          await ctx.client.workflow.start(VISIT_WORKFLOW_TYPE, {
            taskQueue: TASK_QUEUES.cycles,
            workflowId: visitWorkflowId(input.organisationId, input.programmeId, v.id),
            args: [args],
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          });
          started += 1;
        } catch (err) {
          if ((err as Error).name !== 'WorkflowExecutionAlreadyStartedError') throw err;
        }
        ctx.heartbeat(v.id);
      }
      return { started, lastVisitId: visits.at(-1)?.id ?? null };
    },
  };
}
