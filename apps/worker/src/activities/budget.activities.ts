/**
 * Activities of the budget cycle (and of any decision round): the workflow's side effects on
 * PostgreSQL (tasks, audit log, cycle read model) and mail (through the outbox).
 *
 * Every activity is idempotent: tasks are upserted on their unique key, audit rows carry the
 * workflow's idempotency key (checked under an advisory lock), mails go through the outbox
 * keyed by `${idempotencyKeyPrefix}:${recipient}`. Retries and replays therefore never
 * duplicate anything. Business refusals (unknown body, invalid rule or figures) are
 * non-retryable ApplicationFailures typed by a domain error code; infrastructure failures
 * (database, SMTP) are thrown as is and retried by Temporal. A permanently refused address
 * (SMTP 5xx) is logged and skipped, so one bad mailbox cannot stop a cycle.
 */
import { log } from '@temporalio/activity';
import { asRefusal, refuse } from './refusal';
import { loadDeductionsForAllocation } from './accountability-deductions';
import type { DataSource, EntityManager } from 'typeorm';

/** A DataSource or a transaction's EntityManager. */
type Queryable = Pick<EntityManager, 'query'>;
import {
  DEFAULT_RESERVE_RULE,
  type DecisionKind,
  type VotingRule,
  computeAllocation,
  validateVotingRule,
  voterWeight,
} from '@jaarcyclus/domain';
import { MailDeliveryError, type OutboxService } from '@jaarcyclus/mail';
import type {
  AllocationLettersResult,
  AuditEventInput,
  BodyRoster,
  BudgetActivities,
  PersonRef,
  ProposalRef,
  RosterSnapshot,
  UpdateTasksInput,
} from '@jaarcyclus/workflows';
import {
  type Locale,
  type ProposalText,
  type LetterDecision,
  type RenderedMail,
  renderAdoptionMail,
  renderAllocationLetter,
  renderBallotMail,
  renderDisputeMail,
  renderEscalationMail,
  renderReminderMail,
} from '../mail/templates';

export interface BudgetActivityDeps {
  dataSource: DataSource;
  outbox: OutboxService;
  /** Base URL of the web app, no trailing slash. */
  publicUrl: string;
}

interface PersonRow {
  id: string;
  name: string;
  email: string;
  locale: Locale;
}


export function createBudgetActivities(deps: BudgetActivityDeps): BudgetActivities {
  const { dataSource: ds, outbox } = deps;
  const publicUrl = deps.publicUrl.replace(/\/+$/, '');
  const taskUrl = (taskId: string): string => `${publicUrl}/app/tasks/${taskId}`;
  // Budget workflow ids are `budget:<organisationId>:<year>`; the cycle page is per year.
  const cycleUrl = (workflowId: string): string => `${publicUrl}/app/cycles/budget/${workflowId.split(':').at(-1) ?? ''}`;
  const proposalText = (p: ProposalRef): ProposalText => ({
    versionLabel: p.versionLabel,
    link: p.url ?? (p.documentId ? `${publicUrl}/api/documents/${p.documentId}` : null),
  });

  /**
   * The bodies that decided on the budget, for the letter: as the cycle published them
   * (cycle.state, see publishCycleState); for a cycle without a published state (started before
   * the read model), the tenant's approving and consenting bodies.
   */
  async function letterDecisions(organisationId: string, workflowId: string): Promise<LetterDecision[]> {
    const published = (await ds.query(
      `SELECT b->>'name' AS name, b->>'decisionKind' AS kind
         FROM cycle c CROSS JOIN LATERAL jsonb_array_elements(c.state->'bodies') WITH ORDINALITY AS x(b, i)
        WHERE c.organisation_id = $1 AND c.workflow_id = $2 AND jsonb_typeof(c.state->'bodies') = 'array'
        ORDER BY x.i`,
      [organisationId, workflowId],
    )) as { name: string; kind: string | null }[];
    const rows =
      published.length > 0
        ? published
        : ((await ds.query(
            `SELECT name, decision_kind AS kind FROM body
              WHERE organisation_id = $1 AND decision_kind IN ('goedkeuring', 'instemming')
              ORDER BY decision_kind, name`,
            [organisationId],
          )) as { name: string; kind: string }[]);
    return rows
      .filter((r) => r.kind === 'goedkeuring' || r.kind === 'instemming')
      .map((r) => ({ name: r.name, decisionKind: r.kind as LetterDecision['decisionKind'] }));
  }

  async function organisationName(organisationId: string): Promise<string> {
    const rows = (await ds.query(`SELECT name FROM organisation WHERE id = $1`, [organisationId])) as { name: string }[];
    const row = rows[0];
    if (!row) refuse('NOT_FOUND', `Organisation ${organisationId} does not exist`);
    return row.name;
  }

  async function persons(organisationId: string, ids: string[]): Promise<Map<string, PersonRow>> {
    if (ids.length === 0) return new Map();
    const rows = (await ds.query(
      `SELECT id, name, email, locale FROM person WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
      [organisationId, ids],
    )) as PersonRow[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Sends through the outbox; a permanent refusal of one address is logged, not retried. */
  async function deliver(organisationId: string, idempotencyKey: string, to: PersonRow, mail: RenderedMail): Promise<boolean> {
    try {
      await outbox.deliver({ idempotencyKey, organisationId, to: to.email, subject: mail.subject, text: mail.text, html: mail.html });
      return true;
    } catch (err) {
      if (err instanceof MailDeliveryError && err.permanent) {
        log.warn('mail permanently refused; skipped', { idempotencyKey, personId: to.id, error: err.message });
        return false;
      }
      throw err;
    }
  }

  async function upsertTask(t: {
    organisationId: string;
    personId: string;
    workflowId: string;
    kind: 'vote' | 'adopt';
    refKey: string;
    title: string;
    dueAt: string | null;
    payload: Record<string, unknown>;
  }): Promise<string> {
    const rows = (await ds.query(
      `INSERT INTO task (organisation_id, person_id, workflow_id, kind, ref_key, title, due_at, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (workflow_id, person_id, kind, ref_key) DO UPDATE SET due_at = EXCLUDED.due_at
       RETURNING id`,
      [t.organisationId, t.personId, t.workflowId, t.kind, t.refKey, t.title, t.dueAt, JSON.stringify(t.payload)],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  async function taskIds(workflowId: string, kind: string, refKey: string): Promise<Map<string, string>> {
    const rows = (await ds.query(`SELECT id, person_id FROM task WHERE workflow_id = $1 AND kind = $2 AND ref_key = $3`, [
      workflowId,
      kind,
      refKey,
    ])) as { id: string; person_id: string }[];
    return new Map(rows.map((r) => [r.person_id, r.id]));
  }

  /** Completes, cancels or re-dates the open tasks of one step (idempotent: only open tasks change). */
  async function applyTaskUpdate(db: Queryable, input: UpdateTasksInput): Promise<void> {
    await db.query(
      `UPDATE task
          SET status = COALESCE($4, status),
              completed_at = CASE WHEN $4::text IS NULL THEN completed_at ELSE $6::timestamptz END,
              due_at = COALESCE($5::timestamptz, due_at)
        WHERE workflow_id = $1 AND kind = $2 AND ref_key = $3 AND status = 'open'
          AND ($7::uuid[] IS NULL OR person_id = ANY($7::uuid[]))`,
      [input.workflowId, input.kind, input.refKey, input.status ?? null, input.dueAt ?? null, input.at, input.personIds ?? null],
    );
  }

  /**
   * Appends audit rows in one statement, in the given order. Append-only table: the idempotency
   * key lives in the payload, unique per workflow (index audit_event_idempotency_key), so a
   * retry never writes a second row.
   */
  async function appendAuditEvents(db: Queryable, events: AuditEventInput[]): Promise<void> {
    const rows = events.map((e, ord) => ({
      ord,
      organisation_id: e.organisationId,
      workflow_id: e.workflowId,
      round: e.round,
      actor_person_id: e.actorPersonId,
      action: e.action,
      body_key: e.bodyKey,
      weight: e.weight,
      value: e.value,
      comment: e.comment,
      occurred_at: e.occurredAt,
      payload: { ...e.payload, idempotencyKey: e.idempotencyKey },
    }));
    await db.query(
      `INSERT INTO audit_event (organisation_id, workflow_id, round, actor_person_id, action, body_key, weight, value, comment, occurred_at, payload)
       SELECT r.organisation_id, r.workflow_id, r.round, r.actor_person_id, r.action, r.body_key, r.weight, r.value, r.comment, r.occurred_at, r.payload
         FROM jsonb_to_recordset($1::jsonb) AS r(ord integer, organisation_id uuid, workflow_id text, round integer, actor_person_id uuid,
              action text, body_key text, weight bigint, value text, comment text, occurred_at timestamptz, payload jsonb)
        ORDER BY r.ord
       ON CONFLICT (organisation_id, workflow_id, (payload->>'idempotencyKey')) WHERE payload ? 'idempotencyKey' DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }

  return {
    async snapshotRoster({ organisationId, bodyKeys }): Promise<RosterSnapshot> {
      const bodies = (await ds.query(
        `SELECT b.id, b.key, b.name, b.decision_kind, b.voting_rule, b.chair_person_id, c.name AS chair_name
           FROM body b LEFT JOIN person c ON c.id = b.chair_person_id
          WHERE b.organisation_id = $1 AND b.key = ANY($2::text[])`,
        [organisationId, bodyKeys],
      )) as { id: string; key: string; name: string; decision_kind: DecisionKind; voting_rule: VotingRule; chair_person_id: string | null; chair_name: string | null }[];
      const missing = bodyKeys.filter((k) => !bodies.some((b) => b.key === k));
      if (missing.length > 0) refuse('NOT_FOUND', `Body ${missing.join(', ')} is not configured for this organisation`);
      const members = (await ds.query(
        `SELECT m.body_id, p.id AS person_id, p.name, m.board_id, sb.pupil_count
           FROM body_member m
           JOIN person p ON p.id = m.person_id
           LEFT JOIN school_board sb ON sb.id = m.board_id
          WHERE m.body_id = ANY($1::uuid[]) AND p.active
          ORDER BY p.name, p.id`,
        [bodies.map((b) => b.id)],
      )) as { body_id: string; person_id: string; name: string; board_id: string | null; pupil_count: number | null }[];
      const secretariat = (await ds.query(
        `SELECT id, name FROM person WHERE organisation_id = $1 AND active AND 'secretariat' = ANY(roles) ORDER BY name, id`,
        [organisationId],
      )) as { id: string; name: string }[];
      const rosters: BodyRoster[] = bodyKeys.map((key) => {
        const b = bodies.find((x) => x.key === key)!;
        asRefusal(() => validateVotingRule(b.voting_rule));
        return {
          key: b.key,
          name: b.name,
          decisionKind: b.decision_kind,
          votingRule: b.voting_rule,
          chair: b.chair_person_id ? { personId: b.chair_person_id, name: b.chair_name ?? '' } : null,
          // The ALV weight is the represented board's pupil count at this moment (docs/domain.md, source 001 §1.1).
          members: members
            .filter((m) => m.body_id === b.id)
            .map((m) => ({ personId: m.person_id, name: m.name, boardId: m.board_id, weight: asRefusal(() => voterWeight(b.voting_rule, m.pupil_count)) })),
        };
      });
      return { bodies: rosters, secretariat: secretariat.map((p) => ({ personId: p.id, name: p.name })) };
    },

    async openBallots(input) {
      const [org, people] = await Promise.all([
        organisationName(input.organisationId),
        persons(
          input.organisationId,
          input.members.map((m) => m.personId),
        ),
      ]);
      // All tasks first: members see their task in the app even while the mail server is down.
      const tasks = new Map<string, string>();
      for (const member of input.members) {
        if (!people.has(member.personId)) continue;
        const taskId = await upsertTask({
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
      for (const member of input.members) {
        const person = people.get(member.personId);
        const taskId = tasks.get(member.personId);
        if (!person || !taskId) continue;
        await deliver(
          input.organisationId,
          `${input.idempotencyKeyPrefix}:${member.personId}`,
          person,
          renderBallotMail(person.locale, {
            organisationName: org,
            recipientName: person.name,
            subject: input.subject,
            round: input.round,
            bodyName: input.body.name,
            decisionKind: input.body.decisionKind,
            proposal: proposalText(input.proposal),
            deadline: input.deadline,
            taskUrl: taskUrl(taskId),
          }),
        );
      }
    },

    async sendVoteReminders(input) {
      const [org, people, tasks] = await Promise.all([
        organisationName(input.organisationId),
        persons(
          input.organisationId,
          input.recipients.map((r) => r.personId),
        ),
        taskIds(input.workflowId, 'vote', input.taskRefKey),
      ]);
      for (const r of input.recipients) {
        const person = people.get(r.personId);
        const taskId = tasks.get(r.personId);
        if (!person || !taskId) continue;
        await deliver(
          input.organisationId,
          `${input.idempotencyKeyPrefix}:${r.personId}`,
          person,
          renderReminderMail(person.locale, {
            organisationName: org,
            recipientName: person.name,
            subject: input.subject,
            round: input.round,
            bodyName: input.body.name,
            decisionKind: input.body.decisionKind,
            proposal: proposalText(input.proposal),
            deadline: input.deadline,
            taskUrl: taskUrl(taskId),
          }),
        );
      }
    },

    async sendEscalation(input) {
      const [org, people] = await Promise.all([
        organisationName(input.organisationId),
        persons(
          input.organisationId,
          input.recipients.map((r) => r.personId),
        ),
      ]);
      for (const r of input.recipients) {
        const person = people.get(r.personId);
        if (!person) continue;
        await deliver(
          input.organisationId,
          `${input.idempotencyKeyPrefix}:${r.personId}`,
          person,
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
            notVoted: input.notVoted.map((p: PersonRef) => p.name),
            cycleUrl: cycleUrl(input.workflowId),
          }),
        );
      }
    },

    async updateTasks(input) {
      await applyTaskUpdate(ds, input);
    },

    async recordAuditEvent(e: AuditEventInput) {
      await appendAuditEvents(ds, [e]);
    },

    async recordCycleStatus(input) {
      await ds.query(
        `INSERT INTO cycle (organisation_id, kind, year, workflow_id, title, status, created_by_person_id)
         VALUES ($1, 'budget', $2, $3, $4, $5, $6)
         ON CONFLICT (workflow_id) DO UPDATE SET status = EXCLUDED.status, updated_at = now()`,
        [input.organisationId, input.year, input.workflowId, input.title, input.status, input.createdByPersonId],
      );
    },

    async publishCycleState(input) {
      const audit = input.writes.flatMap((w) => ('audit' in w ? [w.audit] : []));
      const tasks = input.writes.flatMap((w) => ('tasks' in w ? [w.tasks] : []));
      // Audit rows go first, so a state never shows a vote whose audit row is missing; all in one
      // transaction. A publish is part of what a voter waits for: few statements, no lookups.
      await ds.transaction(async (em) => {
        if (audit.length > 0) await appendAuditEvents(em, audit);
        for (const t of tasks) await applyTaskUpdate(em, t);
        // Creates the row if the api's insert has not happened, and replaces the state only with
        // a newer one (a retried, older publish changes nothing). The list's status column
        // stays recordCycleStatus's.
        await em.query(
          `INSERT INTO cycle (organisation_id, kind, year, workflow_id, title, status, created_by_person_id, state, state_seq)
           VALUES ($1, 'budget', $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (workflow_id) DO UPDATE SET state = EXCLUDED.state, state_seq = EXCLUDED.state_seq, updated_at = now()
           WHERE cycle.state_seq < EXCLUDED.state_seq`,
          [input.organisationId, input.year, input.workflowId, input.title, input.status, input.createdByPersonId, JSON.stringify(input.state), input.seq],
        );
      });
    },

    async requestAdoption(input) {
      const [org, people] = await Promise.all([organisationName(input.organisationId), persons(input.organisationId, [input.directorPersonId])]);
      const director = people.get(input.directorPersonId);
      if (!director) refuse('NOT_FOUND', `The directeur-bestuurder ${input.directorPersonId} is not a person of this organisation`);
      const taskId = await upsertTask({
        organisationId: input.organisationId,
        personId: director.id,
        workflowId: input.workflowId,
        kind: 'adopt',
        refKey: input.taskRefKey,
        title: `${input.subject} vaststellen`,
        dueAt: null,
        payload: { round: input.round, proposal: input.proposal },
      });
      await deliver(
        input.organisationId,
        `${input.idempotencyKeyPrefix}:${director.id}`,
        director,
        renderAdoptionMail(director.locale, {
          organisationName: org,
          recipientName: director.name,
          subject: input.subject,
          round: input.round,
          proposal: proposalText(input.proposal),
          approvals: input.approvals.map((a) => ({ bodyName: a.name, decisionKind: a.decisionKind })),
          taskUrl: taskUrl(taskId),
        }),
      );
    },

    async notifyDispute(input) {
      const [org, people] = await Promise.all([organisationName(input.organisationId), persons(input.organisationId, [input.directorPersonId])]);
      const director = people.get(input.directorPersonId);
      if (!director) refuse('NOT_FOUND', `The directeur-bestuurder ${input.directorPersonId} is not a person of this organisation`);
      await deliver(
        input.organisationId,
        `${input.idempotencyKeyPrefix}:${director.id}`,
        director,
        renderDisputeMail(director.locale, {
          organisationName: org,
          recipientName: director.name,
          subject: input.subject,
          bodyName: input.body.name,
          rounds: input.rounds,
          cycleUrl: cycleUrl(input.workflowId),
        }),
      );
    },

    async sendAllocationLetters(input): Promise<AllocationLettersResult> {
      const org = await organisationName(input.organisationId);
      const boards = (await ds.query(
        `SELECT id, name, pupil_count, bestuurder_person_id FROM school_board WHERE organisation_id = $1 ORDER BY name, id`,
        [input.organisationId],
      )) as { id: string; name: string; pupil_count: number; bestuurder_person_id: string | null }[];
      // Fixed amounts go to regular schools only (docs/domain.md, source 001 §7.2); vso is funded by OCW/DUO directly.
      const schools = (await ds.query(
        `SELECT id, board_id, name, fixed_amount_cents FROM school WHERE organisation_id = $1 AND kind = 'regular' ORDER BY name, id`,
        [input.organisationId],
      )) as { id: string; board_id: string; name: string; fixed_amount_cents: string }[];
      // Underspending accepted in the accountability cycle is deducted from this year's letters (docs/domain.md, source 001 §7.4).
      const deductions = await loadDeductionsForAllocation(ds, input.organisationId, input.budgetYear);
      const allocation = asRefusal(() =>
        computeAllocation({
          boards: boards.map((b) => ({ boardId: b.id, name: b.name, pupilCount: b.pupil_count })),
          schools: schools.map((s) => ({ schoolId: s.id, boardId: s.board_id, name: s.name, fixedAmountCents: Number(s.fixed_amount_cents) })),
          amountPerPupilCents: input.figures.amountPerPupilCents,
          equityCents: input.figures.equityCents,
          turnoverCents: input.figures.turnoverCents,
          reserve: input.figures.reserve ?? DEFAULT_RESERVE_RULE,
          deductions,
        }),
      );
      // The letter goes to the board's bestuurder; a board without one gets it at its first contact person.
      const contacts = (await ds.query(
        `SELECT DISTINCT ON (board_id) board_id, id FROM person
          WHERE organisation_id = $1 AND active AND board_id IS NOT NULL ORDER BY board_id, name, id`,
        [input.organisationId],
      )) as { board_id: string; id: string }[];
      const recipientOf = new Map(
        boards.map((b) => [b.id, b.bestuurder_person_id ?? contacts.find((c) => c.board_id === b.id)?.id ?? null] as const),
      );
      const people = await persons(
        input.organisationId,
        [...recipientOf.values()].filter((id): id is string => id !== null),
      );
      const decisions = await letterDecisions(input.organisationId, input.workflowId);
      const without: string[] = [];
      let sent = 0;
      for (const board of allocation.boards) {
        const personId = recipientOf.get(board.boardId);
        const person = personId ? people.get(personId) : undefined;
        if (!person) {
          without.push(board.boardId);
          continue;
        }
        const delivered = await deliver(
          input.organisationId,
          `${input.idempotencyKeyPrefix}:${board.boardId}`,
          person,
          renderAllocationLetter(person.locale, {
            organisationName: org,
            recipientName: person.name,
            budgetYear: input.budgetYear,
            decisions,
            date: input.at,
            board,
            reserve: allocation.reserve,
          }),
        );
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
