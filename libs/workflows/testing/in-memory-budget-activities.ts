/**
 * In-memory, recording implementations of the budget cycle's activities, for the workflow test
 * tier (time-skipping server) and the replay recorder. They behave like the real ones where the
 * workflow can notice it (idempotency keys, task upserts, weights from pupil counts, the
 * domain's allocation) and record every call with the workflow time it was made at.
 */
import { ApplicationFailure } from '@temporalio/common';
import {
  DEFAULT_RESERVE_RULE,
  DEFAULT_RULES,
  type DecisionKind,
  type VotingRule,
  computeAllocation,
  nextBusinessMoment,
  voterWeight,
} from '@jaarcyclus/domain';
import type { AuditEventInput } from '../src/decision-round/decision-round.activities';
import type {
  BodyRoster,
  PersonRef,
  RosterSnapshot,
} from '../src/decision-round/decision-round.types';
import type { BudgetActivities } from '../src/budget/budget-cycle.activities';
import type { AllocationLettersResult, BudgetCycleStatus } from '../src/budget/budget-cycle.types';

export interface WorldBody {
  key: string;
  name: string;
  decisionKind: DecisionKind;
  votingRule: VotingRule;
  chairPersonId: string | null;
  members: { personId: string; boardId: string | null }[];
}

export interface World {
  organisationId: string;
  persons: Record<string, string>;
  boards: { id: string; name: string; pupilCount: number; bestuurderPersonId: string | null }[];
  schools: {
    id: string;
    boardId: string;
    name: string;
    kind: 'regular' | 'special';
    fixedAmountCents: number;
  }[];
  bodies: WorldBody[];
  secretariat: string[];
}

export type MailKind =
  'ballot' | 'reminder' | 'escalation' | 'result' | 'adoption' | 'dispute' | 'letter';

export interface RecordedMail {
  key: string;
  kind: MailKind;
  to: string;
  round: number;
  bodyKey: string | null;
  /** Workflow time the workflow passed in, when it passes one. */
  at: string | null;
  data?: Record<string, unknown>;
}

export interface RecordedTask {
  workflowId: string;
  personId: string;
  kind: 'vote' | 'adopt' | 'submit' | 'review';
  refKey: string;
  status: 'open' | 'done' | 'cancelled';
  dueAt: string | null;
}

/**
 * Groningen-like SWV: four boards of very different size in the ALV (weight = pupils),
 * three RvT members, four OPR members, one secretary, one director.
 */
export function sampleWorld(organisationId = 'org-stadsring'): World {
  const persons: Record<string, string> = {
    'p-alv-a': 'Anna (bestuur A)',
    'p-alv-b': 'Bram (bestuur B)',
    'p-alv-c': 'Cor (bestuur C)',
    'p-alv-d': 'Dirk (bestuur D)',
    'p-rvt-1': 'Rianne (RvT, voorzitter)',
    'p-rvt-2': 'Ruben (RvT)',
    'p-rvt-3': 'Rosa (RvT, voorgedragen door OPR)',
    'p-opr-1': 'Olga (OPR, voorzitter)',
    'p-opr-2': 'Otto (OPR)',
    'p-opr-3': 'Omar (OPR)',
    'p-opr-4': 'Olivia (OPR)',
    'p-secr': 'Sanne (secretariaat)',
    'p-dir': 'Daan (directeur-bestuurder)',
    'p-alv-chair': 'Annet (voorzitter ALV)',
  };
  return {
    organisationId,
    persons,
    boards: [
      { id: 'board-a', name: 'Stichting A', pupilCount: 5000, bestuurderPersonId: 'p-alv-a' },
      { id: 'board-b', name: 'Stichting B', pupilCount: 1000, bestuurderPersonId: 'p-alv-b' },
      { id: 'board-c', name: 'Stichting C', pupilCount: 1000, bestuurderPersonId: 'p-alv-c' },
      { id: 'board-d', name: 'Stichting D', pupilCount: 1000, bestuurderPersonId: 'p-alv-d' },
    ],
    schools: [
      {
        id: 'school-a1',
        boardId: 'board-a',
        name: 'Lyceum A1',
        kind: 'regular',
        fixedAmountCents: 25_000_00,
      },
      {
        id: 'school-a2',
        boardId: 'board-a',
        name: 'College A2',
        kind: 'regular',
        fixedAmountCents: 15_000_00,
      },
      {
        id: 'school-b1',
        boardId: 'board-b',
        name: 'School B1',
        kind: 'regular',
        fixedAmountCents: 10_000_00,
      },
      { id: 'school-c1', boardId: 'board-c', name: 'VSO C1', kind: 'special', fixedAmountCents: 0 },
      {
        id: 'school-d1',
        boardId: 'board-d',
        name: 'School D1',
        kind: 'regular',
        fixedAmountCents: 12_500_00,
      },
    ],
    bodies: [
      {
        key: 'alv',
        name: 'ALV',
        decisionKind: 'goedkeuring',
        votingRule: DEFAULT_RULES.alv,
        chairPersonId: 'p-alv-chair',
        members: [
          { personId: 'p-alv-a', boardId: 'board-a' },
          { personId: 'p-alv-b', boardId: 'board-b' },
          { personId: 'p-alv-c', boardId: 'board-c' },
          { personId: 'p-alv-d', boardId: 'board-d' },
        ],
      },
      {
        key: 'rvt',
        name: 'Raad van Toezicht',
        decisionKind: 'goedkeuring',
        votingRule: DEFAULT_RULES.rvt,
        chairPersonId: 'p-rvt-1',
        members: ['p-rvt-1', 'p-rvt-2', 'p-rvt-3'].map((personId) => ({ personId, boardId: null })),
      },
      {
        key: 'opr',
        name: 'Ondersteuningsplanraad',
        decisionKind: 'instemming',
        votingRule: DEFAULT_RULES.opr,
        chairPersonId: 'p-opr-1',
        members: ['p-opr-1', 'p-opr-2', 'p-opr-3', 'p-opr-4'].map((personId) => ({
          personId,
          boardId: null,
        })),
      },
    ],
    secretariat: ['p-secr'],
  };
}

export interface InMemoryBudgetActivities {
  activities: BudgetActivities;
  /** Tenants by organisation id; tests add their own variant with `addWorld`. */
  worlds: Map<string, World>;
  addWorld(world: World): World;
  mails: RecordedMail[];
  /** Deliveries whose idempotency key had been delivered before (must stay 0 per key). */
  duplicateMailKeys: string[];
  audit: AuditEventInput[];
  tasks: RecordedTask[];
  cycleStatuses: { workflowId: string; status: string }[];
  cycleStates: Map<string, { seq: number; state: BudgetCycleStatus; writes: number }>;
  letters: AllocationLettersResult[];
  mailsOf(kind: MailKind, workflowId?: string): RecordedMail[];
}

export function createInMemoryBudgetActivities(...initial: World[]): InMemoryBudgetActivities {
  const worlds = new Map<string, World>();
  const addWorld = (world: World): World => {
    worlds.set(world.organisationId, world);
    return world;
  };
  initial.forEach(addWorld);
  const worldOf = (organisationId: string): World => {
    const world = worlds.get(organisationId);
    if (!world)
      throw ApplicationFailure.nonRetryable(
        `Unknown organisation '${organisationId}'`,
        'NOT_FOUND',
      );
    return world;
  };
  const mails: RecordedMail[] = [];
  const seenKeys = new Set<string>();
  const duplicateMailKeys: string[] = [];
  const audit: AuditEventInput[] = [];
  const auditKeys = new Set<string>();
  const tasks: RecordedTask[] = [];
  const cycleStatuses: { workflowId: string; status: string }[] = [];
  /** The read model: per workflow the stored state with the highest sequence, and how many writes arrived. */
  const cycleStates = new Map<string, { seq: number; state: BudgetCycleStatus; writes: number }>();
  const letters: AllocationLettersResult[] = [];
  const personIn =
    (world: World) =>
    (personId: string): PersonRef => ({ personId, name: world.persons[personId] ?? personId });

  const deliver = (mail: RecordedMail): void => {
    if (seenKeys.has(mail.key)) {
      duplicateMailKeys.push(mail.key);
      return;
    }
    seenKeys.add(mail.key);
    mails.push(mail);
  };
  const upsertTask = (t: Omit<RecordedTask, 'status'>): void => {
    const existing = tasks.find(
      (x) =>
        x.workflowId === t.workflowId &&
        x.personId === t.personId &&
        x.kind === t.kind &&
        x.refKey === t.refKey,
    );
    if (existing) existing.dueAt = t.dueAt;
    else tasks.push({ ...t, status: 'open' });
  };

  const activities: BudgetActivities = {
    async snapshotRoster({ organisationId, bodyKeys }): Promise<RosterSnapshot> {
      const world = worldOf(organisationId);
      const person = personIn(world);
      const bodies: BodyRoster[] = bodyKeys.map((key) => {
        const body = world.bodies.find((b) => b.key === key);
        if (!body)
          throw ApplicationFailure.nonRetryable(`Body '${key}' is not configured`, 'NOT_FOUND');
        return {
          key: body.key,
          name: body.name,
          decisionKind: body.decisionKind,
          votingRule: body.votingRule,
          chair: body.chairPersonId ? person(body.chairPersonId) : null,
          members: body.members.map((m) => ({
            ...person(m.personId),
            boardId: m.boardId,
            weight: voterWeight(
              body.votingRule,
              world.boards.find((b) => b.id === m.boardId)?.pupilCount ?? null,
            ),
          })),
        };
      });
      return { bodies, secretariat: world.secretariat.map(person) };
    },
    async openBallots(input) {
      for (const m of input.members) {
        upsertTask({
          workflowId: input.workflowId,
          personId: m.personId,
          kind: 'vote',
          refKey: input.taskRefKey,
          dueAt: input.deadline,
        });
        deliver({
          key: `${input.idempotencyKeyPrefix}:${m.personId}`,
          kind: 'ballot',
          to: m.personId,
          round: input.round,
          bodyKey: input.body.key,
          at: null,
        });
      }
    },
    async sendVoteReminders(input) {
      for (const r of input.recipients) {
        deliver({
          key: `${input.idempotencyKeyPrefix}:${r.personId}`,
          kind: 'reminder',
          to: r.personId,
          round: input.round,
          bodyKey: input.body.key,
          at: input.at,
          data: { requested: input.requested, deadline: input.deadline },
        });
      }
    },
    async sendEscalation(input) {
      for (const r of input.recipients) {
        deliver({
          key: `${input.idempotencyKeyPrefix}:${r.personId}`,
          kind: 'escalation',
          to: r.personId,
          round: input.round,
          bodyKey: input.body.key,
          at: input.at,
          data: { role: r.role, notVoted: input.notVoted.map((p) => p.personId) },
        });
      }
    },
    async sendRoundResult(input) {
      for (const r of input.recipients) {
        deliver({
          key: `${input.idempotencyKeyPrefix}:${r.personId}`,
          kind: 'result',
          to: r.personId,
          round: input.round,
          bodyKey: input.body.key,
          at: input.at,
          data: {
            result: input.result,
            decidedBy: input.decidedBy,
            vote: r.vote,
            ...(input.endedBy ? { endedBy: input.endedBy.key } : {}),
          },
        });
      }
    },
    async updateTasks(input) {
      for (const t of tasks) {
        if (t.workflowId !== input.workflowId || t.kind !== input.kind || t.refKey !== input.refKey)
          continue;
        if (input.personIds && !input.personIds.includes(t.personId)) continue;
        if (t.status !== 'open') continue;
        if (input.status) t.status = input.status;
        if (input.dueAt) t.dueAt = input.dueAt;
      }
    },
    async recordAuditEvent(input) {
      if (auditKeys.has(input.idempotencyKey)) return;
      auditKeys.add(input.idempotencyKey);
      audit.push(input);
    },
    async invitationsOpenAt({ at }) {
      return nextBusinessMoment(new Date(at)).toISOString();
    },
    async recordCycleStatus(input) {
      cycleStatuses.push({ workflowId: input.workflowId, status: input.status });
    },
    async publishCycleState(input) {
      for (const w of input.writes) {
        if ('audit' in w) await activities.recordAuditEvent(w.audit);
        else await activities.updateTasks(w.tasks);
      }
      const stored = cycleStates.get(input.workflowId);
      const writes = (stored?.writes ?? 0) + 1;
      if (stored && stored.seq >= input.seq) stored.writes = writes;
      else
        cycleStates.set(input.workflowId, {
          seq: input.seq,
          state: structuredClone(input.state),
          writes,
        });
    },
    async requestAdoption(input) {
      upsertTask({
        workflowId: input.workflowId,
        personId: input.directorPersonId,
        kind: 'adopt',
        refKey: input.taskRefKey,
        dueAt: null,
      });
      deliver({
        key: `${input.idempotencyKeyPrefix}:${input.directorPersonId}`,
        kind: 'adoption',
        to: input.directorPersonId,
        round: input.round,
        bodyKey: null,
        at: null,
      });
    },
    async notifyDispute(input) {
      deliver({
        key: `${input.idempotencyKeyPrefix}:${input.directorPersonId}`,
        kind: 'dispute',
        to: input.directorPersonId,
        round: input.round,
        bodyKey: input.body.key,
        at: null,
        data: { rounds: input.rounds },
      });
    },
    async sendAllocationLetters(input) {
      const world = worldOf(input.organisationId);
      const allocation = computeAllocation({
        boards: world.boards.map((b) => ({
          boardId: b.id,
          name: b.name,
          pupilCount: b.pupilCount,
        })),
        schools: world.schools
          .filter((s) => s.kind === 'regular')
          .map((s) => ({
            schoolId: s.id,
            boardId: s.boardId,
            name: s.name,
            fixedAmountCents: s.fixedAmountCents,
          })),
        amountPerPupilCents: input.figures.amountPerPupilCents,
        equityCents: input.figures.equityCents,
        turnoverCents: input.figures.turnoverCents,
        reserve: input.figures.reserve ?? DEFAULT_RESERVE_RULE,
      });
      const without: string[] = [];
      let sent = 0;
      for (const b of allocation.boards) {
        const to = world.boards.find((x) => x.id === b.boardId)?.bestuurderPersonId;
        if (!to) {
          without.push(b.boardId);
          continue;
        }
        deliver({
          key: `${input.idempotencyKeyPrefix}:${b.boardId}`,
          kind: 'letter',
          to,
          round: input.round,
          bodyKey: null,
          at: input.at,
          data: { boardId: b.boardId, totalCents: b.totalCents },
        });
        sent += 1;
      }
      const result: AllocationLettersResult = {
        boards: allocation.boards.length,
        lettersSent: sent,
        boardsWithoutRecipient: without,
        totalCents: allocation.totalCents,
        reserveStatus: allocation.reserve.status,
        reserveWarning: allocation.reserve.warning ?? null,
      };
      letters.push(result);
      return result;
    },
  };

  return {
    activities,
    worlds,
    addWorld,
    mails,
    duplicateMailKeys,
    audit,
    tasks,
    cycleStatuses,
    cycleStates,
    letters,
    mailsOf: (kind, workflowId) =>
      mails.filter(
        (m) => m.kind === kind && (workflowId === undefined || m.key.startsWith(`${workflowId}:`)),
      ),
  };
}
