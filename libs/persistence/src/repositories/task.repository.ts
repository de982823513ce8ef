import { In, IsNull, Not } from 'typeorm';
import type { TaskKind } from '../entities/enums';
import { Task } from '../entities/task.entity';
import type { Db } from './db';
import { queryPrepared } from './pg-session';

/** How many completed tasks a person's overview lists (most recent first). */
export const CLOSED_TASKS_SHOWN = 25;

/** A task to hand out; see TaskRepository.open. */
export interface TaskToOpen {
  organisationId: string;
  personId: string;
  workflowId: string;
  kind: TaskKind;
  /** Which step the task belongs to, e.g. 'round:2:body:alv'. */
  refKey: string;
  title: string;
  /** ISO, or null: no deadline. */
  dueAt: string | null;
  payload: Record<string, unknown>;
}

/** Tasks of one kind and step for many persons and workflows at once (a fan-out). */
export interface TasksToOpen {
  organisationId: string;
  kind: TaskKind;
  refKey: string;
  dueAt: string | null;
  tasks: {
    personId: string;
    workflowId: string;
    title: string;
    payload: Record<string, unknown>;
  }[];
}

/** Completes, cancels or re-dates open tasks; see TaskRepository.update. */
export interface TaskUpdate {
  workflowId: string;
  kind: TaskKind;
  /** Omitted: every task of this workflow and kind. */
  refKey?: string;
  /** Omitted: every person's. */
  personIds?: string[];
  status?: 'done' | 'cancelled';
  /** ISO; sets dueAt. */
  dueAt?: string;
  /** ISO: completedAt for done/cancelled. */
  at: string;
}

/** A task row as PostgreSQL returns it (listForPerson). */
interface TaskRow {
  id: string;
  organisation_id: string;
  person_id: string;
  workflow_id: string;
  kind: TaskKind;
  ref_key: string;
  title: string;
  due_at: Date | null;
  status: Task['status'];
  payload: Record<string, unknown>;
  created_at: Date;
  completed_at: Date | null;
}

/**
 * The task inbox: a person's to-dos in a cycle. A task is unique per (workflow, person, kind,
 * refKey), so opening it again (a retried activity) changes nothing but its due date. A
 * person's reads are scoped by person and tenant: another person's or another SWV's task id is
 * answered exactly like an unknown id.
 */
export class TaskRepository {
  constructor(private readonly db: Db) {}

  /** Upserts the task and returns its id. */
  async open(t: TaskToOpen): Promise<string> {
    const rows = (await this.db.query(
      `INSERT INTO task (organisation_id, person_id, workflow_id, kind, ref_key, title, due_at, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (workflow_id, person_id, kind, ref_key) DO UPDATE SET due_at = EXCLUDED.due_at
       RETURNING id`,
      [
        t.organisationId,
        t.personId,
        t.workflowId,
        t.kind,
        t.refKey,
        t.title,
        t.dueAt,
        JSON.stringify(t.payload),
      ],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  /** Upserts many tasks in one statement (as `open` each); returns their ids. */
  async openMany(
    input: TasksToOpen,
  ): Promise<{ id: string; workflowId: string; personId: string }[]> {
    if (input.tasks.length === 0) return [];
    const rows = (await this.db.query(
      `INSERT INTO task (organisation_id, person_id, workflow_id, kind, ref_key, title, due_at, payload)
       SELECT $1, x.p, x.w, $2, $3, x.t, $4, x.j
         FROM unnest($5::uuid[], $6::text[], $7::text[], $8::jsonb[]) AS x(p, w, t, j)
       ON CONFLICT (workflow_id, person_id, kind, ref_key) DO UPDATE SET due_at = EXCLUDED.due_at
       RETURNING id, workflow_id, person_id`,
      [
        input.organisationId,
        input.kind,
        input.refKey,
        input.dueAt,
        input.tasks.map((t) => t.personId),
        input.tasks.map((t) => t.workflowId),
        input.tasks.map((t) => t.title),
        input.tasks.map((t) => JSON.stringify(t.payload)),
      ],
    )) as { id: string; workflow_id: string; person_id: string }[];
    return rows.map((r) => ({ id: r.id, workflowId: r.workflow_id, personId: r.person_id }));
  }

  /** Ids of one step's tasks, by person. */
  async idsByPerson(
    workflowId: string,
    kind: TaskKind,
    refKey: string,
  ): Promise<Map<string, string>> {
    const rows = (await this.db.query(
      `SELECT id, person_id FROM task WHERE workflow_id = $1 AND kind = $2 AND ref_key = $3`,
      [workflowId, kind, refKey],
    )) as { id: string; person_id: string }[];
    return new Map(rows.map((r) => [r.person_id, r.id]));
  }

  /** Each person's latest task of this kind in the workflow, by person. */
  async latestByPerson(workflowId: string, kind: TaskKind): Promise<Map<string, string>> {
    const rows = (await this.db.query(
      `SELECT DISTINCT ON (person_id) person_id, id FROM task
        WHERE workflow_id = $1 AND kind = $2
        ORDER BY person_id, created_at DESC, id`,
      [workflowId, kind],
    )) as { person_id: string; id: string }[];
    return new Map(rows.map((r) => [r.person_id, r.id]));
  }

  /**
   * `latestByPerson` for many workflows in one statement: per workflow id, each person's latest
   * task of this kind in it, by person (workflows without such a task are absent).
   */
  async latestByPersonOfWorkflows(
    workflowIds: readonly string[],
    kind: TaskKind,
  ): Promise<Map<string, Map<string, string>>> {
    const byWorkflow = new Map<string, Map<string, string>>();
    if (workflowIds.length === 0) return byWorkflow;
    const rows = (await this.db.query(
      `SELECT DISTINCT ON (workflow_id, person_id) workflow_id, person_id, id FROM task
        WHERE workflow_id = ANY($1::text[]) AND kind = $2
        ORDER BY workflow_id, person_id, created_at DESC, id`,
      [workflowIds, kind],
    )) as { workflow_id: string; person_id: string; id: string }[];
    for (const r of rows) {
      const byPerson = byWorkflow.get(r.workflow_id) ?? new Map<string, string>();
      byPerson.set(r.person_id, r.id);
      byWorkflow.set(r.workflow_id, byPerson);
    }
    return byWorkflow;
  }

  /** Completes, cancels or re-dates the open tasks that match (idempotent: only open tasks change). */
  async update(u: TaskUpdate): Promise<void> {
    await this.db.query(
      `UPDATE task
          SET status = COALESCE($4, status),
              completed_at = CASE WHEN $4::text IS NULL THEN completed_at ELSE $6::timestamptz END,
              due_at = COALESCE($5::timestamptz, due_at)
        WHERE workflow_id = $1 AND kind = $2 AND ($3::text IS NULL OR ref_key = $3) AND status = 'open'
          AND ($7::uuid[] IS NULL OR person_id = ANY($7::uuid[]))`,
      [
        u.workflowId,
        u.kind,
        u.refKey ?? null,
        u.status ?? null,
        u.dueAt ?? null,
        u.at,
        u.personIds ?? null,
      ],
    );
  }

  /**
   * The person's tasks, open ones first (earliest deadline first, no deadline last), then done
   * and cancelled ones, newest first; one page of `limit` from `offset` when given. The order
   * ends on the id, so pages never overlap or skip a task. Served by task_person_status_idx;
   * one plain statement, no query builder or entity mapping: it is the most requested read
   * (bench:inbox).
   */
  async listForPerson(
    organisationId: string,
    personId: string,
    page: { offset: number; limit: number } | null = null,
  ): Promise<Task[]> {
    // On every visit of the inbox: prepared (queryPrepared).
    const rows = (await queryPrepared(
      this.db,
      `SELECT id, organisation_id, person_id, workflow_id, kind, ref_key, title, due_at, status,
              payload, created_at, completed_at
         FROM task
        WHERE organisation_id = $1 AND person_id = $2
        ORDER BY CASE WHEN status = 'open' THEN 0 ELSE 1 END, due_at ASC NULLS LAST,
                 created_at DESC, id
        ${page ? 'LIMIT $3 OFFSET $4' : ''}`,
      page ? [organisationId, personId, page.limit, page.offset] : [organisationId, personId],
    )) as TaskRow[];
    return rows.map((r) =>
      Object.assign(new Task(), {
        id: r.id,
        organisationId: r.organisation_id,
        personId: r.person_id,
        workflowId: r.workflow_id,
        kind: r.kind,
        refKey: r.ref_key,
        title: r.title,
        dueAt: r.due_at,
        status: r.status,
        payload: r.payload,
        createdAt: r.created_at,
        completedAt: r.completed_at,
      }),
    );
  }

  /**
   * The person's open tasks, most urgent first (no deadline last); then the latest `closedShown`
   * completed or cancelled ones.
   */
  async overviewForPerson(
    organisationId: string,
    personId: string,
    closedShown = CLOSED_TASKS_SHOWN,
  ): Promise<{ open: Task[]; closed: Task[] }> {
    const repo = this.db.getRepository(Task);
    const [open, closed] = await Promise.all([
      repo.find({
        where: { organisationId, personId, status: 'open' },
        order: { dueAt: { direction: 'ASC', nulls: 'LAST' }, createdAt: 'ASC', id: 'ASC' },
      }),
      repo.find({
        where: { organisationId, personId, status: In(['done', 'cancelled']) },
        order: { completedAt: { direction: 'DESC', nulls: 'LAST' }, createdAt: 'DESC', id: 'ASC' },
        take: closedShown,
      }),
    ]);
    return { open, closed };
  }

  /** The person's task (of `kind`, when given), or null. */
  findForPerson(
    organisationId: string,
    personId: string,
    id: string,
    kind?: TaskKind,
  ): Promise<Task | null> {
    return this.db
      .getRepository(Task)
      .findOne({ where: { id, organisationId, personId, ...(kind ? { kind } : {}) } });
  }

  /** The person's open tasks with a deadline, earliest first: their calendar feed. */
  openWithDeadline(organisationId: string, personId: string): Promise<Task[]> {
    return this.db.getRepository(Task).find({
      where: { organisationId, personId, status: 'open', dueAt: Not(IsNull()) },
      order: { dueAt: 'ASC', id: 'ASC' },
    });
  }
}
