/**
 * Activities of the budget cycle (and of any decision round): its business steps on top of the
 * cycle kit (libs/cycles), which holds the shared machinery: tasks, audit trail, the cycle read
 * model, mail through the outbox, recipients. Idempotency, refusals and retries: see CycleKit.
 */
import {
  DEFAULT_RESERVE_RULE,
  computeAllocation,
  nextBusinessMoment,
  validateVotingRule,
  voterWeight,
} from '@jaarcyclus/domain';
import {
  type CycleKitDeps,
  type Recipient,
  asRefusal,
  createCycleKit,
  defineCycle,
  refuse,
} from '@jaarcyclus/cycles';
import type {
  AllocationLettersResult,
  BodyRoster,
  BudgetActivities,
  ProposalRef,
  RosterSnapshot,
} from '@jaarcyclus/workflows';
import {
  type AllocationLetterData,
  type LetterDecision,
  type ProposalText,
  renderAdoptionMail,
  renderAllocationLetter,
  renderBallotMail,
  renderDisputeMail,
  renderEscalationMail,
  renderReminderMail,
} from '../mail/templates';
import { renderRoundResultMail } from '../mail/results-templates';

/** The budget cycle: read-model rows of kind 'budget'; members vote, the director adopts. */
export const BUDGET_CYCLE = defineCycle({ kind: 'budget', taskKinds: ['vote', 'adopt'] });

export interface BudgetActivityDeps extends CycleKitDeps {
  /**
   * The worker's clock for when a round's invitations may go out (invitationsOpenAt); unset:
   * the workflow's own time. End-to-end tests set a clock in business hours.
   */
  now?: () => number;
}

export function createBudgetActivities(deps: BudgetActivityDeps): BudgetActivities {
  const kit = createCycleKit(BUDGET_CYCLE, deps);
  const { repos } = kit;
  // Budget workflow ids are `budget:<organisationId>:<year>`; the cycle page is per year. The
  // support plan's rounds use these activities too: `support-plan:<organisationId>:<period>`.
  const cycleUrl = (workflowId: string): string => {
    const [kind = 'budget', , key = ''] = workflowId.split(':');
    return kit.url(`/app/cycles/${kind === 'support-plan' ? 'support-plan' : 'budget'}/${key}`);
  };
  const proposalText = (p: ProposalRef): ProposalText => ({
    versionLabel: p.versionLabel,
    link: p.url ?? (p.documentId ? kit.url(`/api/documents/${p.documentId}`) : null),
  });
  // Whom the workflow names, if still active: a person deactivated after the roster was taken
  // (a member who left the ALV mid-round) gets no ballot, reminder, escalation or letter.
  const people = (organisationId: string, ids: string[]): Promise<Map<string, Recipient>> =>
    kit.recipients(organisationId, ids);

  /**
   * The bodies that decided on the budget, for the letter: as the cycle published them
   * (cycle.state, see publishCycleState); for a cycle without a published state (started before
   * the read model), the tenant's approving and consenting bodies.
   */
  async function letterDecisions(
    organisationId: string,
    workflowId: string,
  ): Promise<LetterDecision[]> {
    const published = await repos.budget.publishedBodies(organisationId, workflowId);
    const rows =
      published.length > 0
        ? published
        : await repos.bodies.withDecisionKinds(organisationId, ['goedkeuring', 'instemming']);
    return rows
      .filter((r) => r.decisionKind === 'goedkeuring' || r.decisionKind === 'instemming')
      .map((r) => ({
        name: r.name,
        decisionKind: r.decisionKind as LetterDecision['decisionKind'],
      }));
  }

  /**
   * The directeur-bestuurder the workflow names; refused when not a person of the tenant.
   * `mailable`: still active (a deactivated director keeps the adoption task, so a successor can
   * be given it, but gets no mail).
   */
  async function director(
    organisationId: string,
    personId: string,
  ): Promise<Recipient & { mailable: boolean }> {
    const [found, active] = await Promise.all([
      kit.recipients(organisationId, [personId], { includeInactive: true }),
      people(organisationId, [personId]),
    ]);
    const person = found.get(personId);
    if (!person) {
      refuse(
        'NOT_FOUND',
        `The directeur-bestuurder ${personId} is not a person of this organisation`,
      );
    }
    return { ...person, mailable: active.has(personId) };
  }

  return {
    async snapshotRoster({ organisationId, bodyKeys }): Promise<RosterSnapshot> {
      const bodies = await repos.bodies.findByKeys(organisationId, bodyKeys);
      const missing = bodyKeys.filter((k) => !bodies.some((b) => b.key === k));
      if (missing.length > 0) {
        refuse('NOT_FOUND', `Body ${missing.join(', ')} is not configured for this organisation`);
      }
      const members = await repos.bodies.activeMembers(bodies.map((b) => b.id));
      const secretariat = await repos.persons.activeWithRole(organisationId, 'secretariat');
      const rosters: BodyRoster[] = bodyKeys.map((key) => {
        const b = bodies.find((x) => x.key === key)!;
        asRefusal(() => validateVotingRule(b.votingRule));
        return {
          key: b.key,
          name: b.name,
          decisionKind: b.decisionKind,
          votingRule: b.votingRule,
          chair: b.chairPersonId ? { personId: b.chairPersonId, name: b.chairName ?? '' } : null,
          // The ALV weight is the represented board's pupil count at this moment (docs/domain.md, source 001 §1.1).
          members: members
            .filter((m) => m.bodyId === b.id)
            .map((m) => ({
              personId: m.personId,
              name: m.name,
              boardId: m.boardId,
              weight: asRefusal(() => voterWeight(b.votingRule, m.pupilCount)),
            })),
        };
      });
      return {
        bodies: rosters,
        secretariat: secretariat.map((p) => ({ personId: p.id, name: p.name })),
      };
    },

    async openBallots(input) {
      const [org, recipients] = await Promise.all([
        kit.organisationName(input.organisationId),
        people(
          input.organisationId,
          input.members.map((m) => m.personId),
        ),
      ]);
      // All tasks first: members see their task in the app even while the mail server is down.
      const tasks = new Map<string, string>();
      for (const member of input.members) {
        if (!recipients.has(member.personId)) continue;
        const taskId = await kit.openTask({
          organisationId: input.organisationId,
          personId: member.personId,
          workflowId: input.workflowId,
          kind: 'vote',
          refKey: input.taskRefKey,
          title: `${input.subject}: ${input.body.name} (${input.body.decisionKind}), ronde ${input.round}`,
          dueAt: input.deadline,
          payload: { bodyKey: input.body.key, round: input.round, proposal: input.proposal },
        });
        tasks.set(member.personId, taskId);
      }
      await kit.mailEach({
        organisationId: input.organisationId,
        idempotencyKeyPrefix: input.idempotencyKeyPrefix,
        to: input.members.filter((m) => tasks.has(m.personId)),
        recipients,
        render: (person, member) =>
          renderBallotMail(person.locale, {
            organisationName: org,
            recipientName: person.name,
            subject: input.subject,
            round: input.round,
            bodyName: input.body.name,
            decisionKind: input.body.decisionKind,
            proposal: proposalText(input.proposal),
            deadline: input.deadline,
            taskUrl: kit.taskUrl(tasks.get(member.personId)!),
          }),
      });
    },

    async sendVoteReminders(input) {
      const [org, recipients, tasks] = await Promise.all([
        kit.organisationName(input.organisationId),
        people(
          input.organisationId,
          input.recipients.map((r) => r.personId),
        ),
        repos.tasks.idsByPerson(input.workflowId, 'vote', input.taskRefKey),
      ]);
      await kit.mailEach({
        organisationId: input.organisationId,
        idempotencyKeyPrefix: input.idempotencyKeyPrefix,
        to: input.recipients.filter((r) => tasks.has(r.personId)),
        recipients,
        render: (person, r) =>
          renderReminderMail(person.locale, {
            organisationName: org,
            recipientName: person.name,
            subject: input.subject,
            round: input.round,
            bodyName: input.body.name,
            decisionKind: input.body.decisionKind,
            proposal: proposalText(input.proposal),
            deadline: input.deadline,
            taskUrl: kit.taskUrl(tasks.get(r.personId)!),
          }),
      });
    },

    async sendEscalation(input) {
      const [org, recipients] = await Promise.all([
        kit.organisationName(input.organisationId),
        people(
          input.organisationId,
          input.recipients.map((r) => r.personId),
        ),
      ]);
      await kit.mailEach({
        organisationId: input.organisationId,
        idempotencyKeyPrefix: input.idempotencyKeyPrefix,
        to: input.recipients,
        recipients,
        render: (person, r) =>
          renderEscalationMail(person.locale, {
            organisationName: org,
            recipientName: person.name,
            role: r.role,
            subject: input.subject,
            round: input.round,
            bodyName: input.body.name,
            deadline: input.deadline,
            votedMembers: input.tally.votedMembers,
            totalMembers: input.tally.totalMembers,
            votedWeight: input.tally.votedWeight,
            totalWeight: input.tally.totalWeight,
            notVoted: input.notVoted.map((p) => p.name),
            cycleUrl: cycleUrl(input.workflowId),
          }),
      });
    },

    async sendRoundResult(input) {
      const [org, recipients, tasks] = await Promise.all([
        kit.organisationName(input.organisationId),
        people(
          input.organisationId,
          input.recipients.map((r) => r.personId),
        ),
        repos.tasks.idsByPerson(input.workflowId, 'vote', input.taskRefKey),
      ]);
      await kit.mailEach({
        organisationId: input.organisationId,
        idempotencyKeyPrefix: input.idempotencyKeyPrefix,
        to: input.recipients,
        recipients,
        render: (person, r) =>
          renderRoundResultMail(person.locale, {
            organisationName: org,
            recipientName: person.name,
            subject: input.subject,
            round: input.round,
            bodyName: input.body.name,
            decisionKind: input.body.decisionKind,
            result: input.result,
            decidedBy: input.decidedBy,
            ...(input.endedBy ? { endedBy: input.endedBy } : {}),
            tally: input.tally,
            vote: r.vote,
            taskUrl: tasks.has(r.personId) ? kit.taskUrl(tasks.get(r.personId)!) : null,
          }),
      });
    },

    async updateTasks(input) {
      await kit.updateTasks(input);
    },

    async recordAuditEvent(e) {
      await kit.recordAudit(e);
    },

    async invitationsOpenAt({ at }) {
      return nextBusinessMoment(new Date(deps.now ? deps.now() : Date.parse(at))).toISOString();
    },

    async recordCycleStatus(input) {
      await kit.recordCycleStatus(input);
    },

    async publishCycleState(input) {
      // A publish is part of what a voter waits for: few statements, no lookups.
      await kit.publishState(input);
    },

    async requestAdoption(input) {
      const [org, to] = await Promise.all([
        kit.organisationName(input.organisationId),
        director(input.organisationId, input.directorPersonId),
      ]);
      const taskId = await kit.openTask({
        organisationId: input.organisationId,
        personId: to.id,
        workflowId: input.workflowId,
        kind: 'adopt',
        refKey: input.taskRefKey,
        title: `${input.subject} vaststellen`,
        dueAt: null,
        payload: { round: input.round, proposal: input.proposal },
      });
      if (!to.mailable) return;
      await kit.deliver({
        organisationId: input.organisationId,
        idempotencyKeyPrefix: input.idempotencyKeyPrefix,
        to,
        mail: renderAdoptionMail(to.locale, {
          organisationName: org,
          recipientName: to.name,
          subject: input.subject,
          round: input.round,
          proposal: proposalText(input.proposal),
          approvals: input.approvals.map((a) => ({
            bodyName: a.name,
            decisionKind: a.decisionKind,
          })),
          taskUrl: kit.taskUrl(taskId),
        }),
      });
    },

    async notifyDispute(input) {
      const [org, to] = await Promise.all([
        kit.organisationName(input.organisationId),
        director(input.organisationId, input.directorPersonId),
      ]);
      if (!to.mailable) return;
      await kit.deliver({
        organisationId: input.organisationId,
        idempotencyKeyPrefix: input.idempotencyKeyPrefix,
        to,
        mail: renderDisputeMail(to.locale, {
          organisationName: org,
          recipientName: to.name,
          subject: input.subject,
          bodyName: input.body.name,
          rounds: input.rounds,
          cycleUrl: cycleUrl(input.workflowId),
        }),
      });
    },

    async sendAllocationLetters(input): Promise<AllocationLettersResult> {
      const org = await kit.organisationName(input.organisationId);
      const boards = await repos.schools.boards(input.organisationId);
      // Fixed amounts go to regular schools only (docs/domain.md, source 001 §7.2); vso is funded by OCW/DUO directly.
      const schools = await repos.schools.regularSchools(input.organisationId);
      // Underspending accepted in the accountability cycle is deducted from this year's letters (docs/domain.md, source 001 §7.4).
      const deductions = await repos.deductions.forAllocation(
        input.organisationId,
        input.budgetYear,
      );
      const allocation = asRefusal(() =>
        computeAllocation({
          boards: boards.map((b) => ({ boardId: b.id, name: b.name, pupilCount: b.pupilCount })),
          schools: schools.map((s) => ({
            schoolId: s.id,
            boardId: s.boardId,
            name: s.name,
            fixedAmountCents: s.fixedAmountCents,
          })),
          amountPerPupilCents: input.figures.amountPerPupilCents,
          equityCents: input.figures.equityCents,
          turnoverCents: input.figures.turnoverCents,
          reserve: input.figures.reserve ?? DEFAULT_RESERVE_RULE,
          deductions,
        }),
      );
      // The letter goes to the board's bestuurder; a board without one gets it at its first contact person.
      const contacts = await repos.persons.firstActiveBoardContacts(input.organisationId);
      const recipientOf = new Map(
        boards.map((b) => [b.id, b.bestuurderPersonId ?? contacts.get(b.id) ?? null] as const),
      );
      const recipients = await people(
        input.organisationId,
        [...recipientOf.values()].filter((id): id is string => id !== null),
      );
      const decisions = await letterDecisions(input.organisationId, input.workflowId);
      const without: string[] = [];
      let sent = 0;
      for (const board of allocation.boards) {
        const personId = recipientOf.get(board.boardId);
        const to = personId ? recipients.get(personId) : undefined;
        // The letter as sent, for the board and the office to read in the web app (as a PDF);
        // also for a board nobody could be mailed. A retry keeps the first (one per cycle and board).
        const letter: AllocationLetterData = {
          organisationName: org,
          recipientName: to?.name ?? board.name,
          budgetYear: input.budgetYear,
          decisions,
          date: input.at,
          board,
          reserve: allocation.reserve,
        };
        const letterId = await repos.allocationLetters.record({
          organisationId: input.organisationId,
          workflowId: input.workflowId,
          boardId: board.boardId,
          budgetYear: input.budgetYear,
          totalCents: board.totalCents,
          letterDate: input.at,
          data: letter,
        });
        if (!to) {
          without.push(board.boardId);
          continue;
        }
        const delivered = await kit.deliver({
          organisationId: input.organisationId,
          idempotencyKeyPrefix: input.idempotencyKeyPrefix,
          recipientKey: board.boardId,
          to,
          // The letter as a PDF in the web app, to keep or print (the board's own, sign-in needed).
          mail: renderAllocationLetter(to.locale, letter, kit.url(`/app/letters/${letterId}`)),
        });
        if (delivered) sent += 1;
        else without.push(board.boardId);
      }
      return {
        boards: allocation.boards.length,
        lettersSent: sent,
        boardsWithoutRecipient: without,
        totalCents: allocation.totalCents,
        reserveStatus: allocation.reserve.status,
        reserveWarning: allocation.reserve.warning ?? null,
      };
    },
  };
}
