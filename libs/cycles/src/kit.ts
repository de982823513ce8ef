import { log } from '@temporalio/activity';
import {
  DEFAULT_BUSINESS_HOURS,
  nextBusinessMoment,
  type BusinessDayOptions,
} from '@jaarcyclus/domain';
import {
  type DeliveryResult,
  MailDeliveryError,
  type OutboxService,
  type RenderedMail,
} from '@jaarcyclus/mail';
import {
  type AuditEntry,
  type CycleRecordUpdate,
  type Db,
  type PersonContact,
  Repositories,
  type TaskKind,
  type TaskToOpen,
  type TasksToOpen,
  type TaskUpdate,
} from '@jaarcyclus/persistence';
import { sideEffectKey } from '@jaarcyclus/workflows';
import type { CycleDefinition } from './cycle';
import { refuse } from './refusal';

export interface CycleKitDeps {
  /** The database (the worker's DataSource). */
  dataSource: Db;
  outbox: OutboxService;
  /** Base URL of the web app, for links in mails (a trailing slash is ignored). */
  publicUrl: string;
}

/** Someone to mail: an id, a name to address, an address and a language. */
export type Recipient = PersonContact;

/** A rendered mail: the outbox's RenderedMail, under the name the kit's callers use. */
export type MailContent = RenderedMail;

/** One mail through the outbox; see CycleKit.deliver. */
export interface Delivery {
  organisationId: string;
  /** `${workflowId}:${step}` (or `…:r${round}:${step}`), as the workflow passes it. */
  idempotencyKeyPrefix: string;
  to: Recipient;
  /** What the key ends with; default the recipient's id (an allocation letter: the board's). */
  recipientKey?: string;
  mail: MailContent;
}

/** A mail stored for a batch send, under its full idempotency key. */
export interface StoredMail {
  key: string;
  to: Recipient;
  mail: MailContent;
}

/** The list row of a cycle, as its workflow records it. */
export interface CycleStatusInput {
  organisationId: string;
  workflowId: string;
  year: number;
  title: string;
  status: string;
  createdByPersonId: string | null;
}

/** A bookkeeping write that travels with a state publish (see StatePublisher). */
export type StateWrite = { audit: AuditEntry } | { tasks: TaskUpdate };

export interface PublishStateInput extends CycleStatusInput {
  /** Increases with every change within a run (StatePublisher). */
  seq: number;
  state: unknown;
  writes: readonly StateWrite[];
}

/**
 * The side effects every cycle needs, written once: its activities compose these and keep only
 * their own business steps.
 *
 * Everything is idempotent, so Temporal's retries and replays never repeat a side effect: mails
 * go through the outbox once per key `${idempotencyKeyPrefix}:${recipient}`, tasks are upserted
 * on (workflow, person, kind, refKey), audit rows are unique per workflow and key, and a
 * published state replaces only an older one. Business refusals are non-retryable
 * ApplicationFailures typed by a domain error code (`refuse`, `asRefusal`); database and SMTP
 * failures are thrown as they are and retried. A permanently refused address (SMTP 5xx) is
 * logged and skipped, so one bad mailbox cannot stop a cycle.
 *
 * Workflows pass ids only (AVG, docs/domain.md, source 001 §1.4); names and addresses are read here, when a mail
 * is written.
 */
export class CycleKit<K extends TaskKind = TaskKind> {
  /** Every repository, on the worker's pool; `repos.transaction` for writes that belong together. */
  readonly repos: Repositories;
  /** Base URL of the web app, without a trailing slash. */
  readonly publicUrl: string;
  private readonly outbox: OutboxService;

  constructor(
    readonly cycle: CycleDefinition<K>,
    deps: CycleKitDeps,
  ) {
    this.repos = new Repositories(deps.dataSource);
    this.outbox = deps.outbox;
    this.publicUrl = deps.publicUrl.replace(/\/+$/, '');
  }

  // -- links ----------------------------------------------------------------------------------

  /** An absolute link into the web app; `path` starts with '/'. */
  url(path: string): string {
    return `${this.publicUrl}${path}`;
  }

  /** The link to a task in the person's inbox. */
  taskUrl(taskId: string): string {
    return this.url(`/app/tasks/${taskId}`);
  }

  // -- who --------------------------------------------------------------------------------------

  /** The SWV's name; refuses (NOT_FOUND) an unknown organisation. */
  async organisationName(organisationId: string): Promise<string> {
    const name = await this.repos.organisations.name(organisationId);
    if (name === null) refuse('NOT_FOUND', `Organisation ${organisationId} does not exist`);
    return name;
  }

  /**
   * The tenant's recipients among `personIds`, by id: active persons only (an inactive person
   * gets no mail and no task). `includeInactive` keeps the budget cycle's recipients as they were
   * before the kit: its rosters are taken of active persons when a round opens.
   */
  async recipients(
    organisationId: string,
    personIds: readonly string[],
    options: { includeInactive?: boolean } = {},
  ): Promise<Map<string, Recipient>> {
    const found = await this.repos.persons.contacts(organisationId, personIds, {
      activeOnly: !options.includeInactive,
    });
    return new Map(found.map((p) => [p.id, p]));
  }

  // -- mail -------------------------------------------------------------------------------------

  /**
   * Sends one mail through the outbox under `${idempotencyKeyPrefix}:${recipientKey ?? to.id}`:
   * however often this runs, the recipient gets it once. False when the address was refused
   * for good (logged, not retried).
   */
  async deliver(d: Delivery): Promise<boolean> {
    const idempotencyKey = sideEffectKey(d.idempotencyKeyPrefix, d.recipientKey ?? d.to.id);
    try {
      await this.outbox.deliver({
        idempotencyKey,
        organisationId: d.organisationId,
        to: d.to.email,
        subject: d.mail.subject,
        text: d.mail.text,
        html: d.mail.html,
      });
      return true;
    } catch (err) {
      this.skipPermanentRefusal(err, idempotencyKey, d.to.id);
      return false;
    }
  }

  /**
   * One mail per entry of `to` (a person id, or an item with one), in order, to each of them
   * found in `recipients`; the others are skipped. Returns how many were delivered.
   */
  async mailEach<T extends string | { personId: string }>(input: {
    organisationId: string;
    idempotencyKeyPrefix: string;
    to: readonly T[];
    recipients: ReadonlyMap<string, Recipient>;
    render: (recipient: Recipient, item: T) => MailContent;
  }): Promise<number> {
    let delivered = 0;
    for (const item of input.to) {
      const recipient = input.recipients.get(typeof item === 'string' ? item : item.personId);
      if (!recipient) continue;
      const sent = await this.deliver({
        organisationId: input.organisationId,
        idempotencyKeyPrefix: input.idempotencyKeyPrefix,
        to: recipient,
        mail: input.render(recipient, item),
      });
      if (sent) delivered += 1;
    }
    return delivered;
  }

  /**
   * Stores many mails in the outbox in one statement (a fan-out), each under its full
   * idempotency key, to be sent by `sendStoredInBatches`; a key stored already keeps its first
   * version.
   */
  async storeMails(organisationId: string, mails: readonly StoredMail[]): Promise<void> {
    await this.outbox.store(
      mails.map((m) => ({
        idempotencyKey: m.key,
        organisationId,
        to: m.to.email,
        subject: m.mail.subject,
        text: m.mail.text,
        html: m.mail.html,
      })),
    );
  }

  /**
   * Sends stored mails (`storeMails`) in batches of whole groups (e.g. one school's contacts),
   * up to `mailsPerBatch` mails per outbox transaction, every batch under way at once within
   * `slot`. Returns, per group, a wait for that group's mails: it throws when one of them
   * failed in a way worth a retry; a permanently refused address is logged and skipped. A
   * batch itself never rejects unobserved: its outcome waits for the groups that look at it.
   */
  sendStoredInBatches<G>(
    groups: ReadonlyMap<G, readonly StoredMail[]>,
    options: { mailsPerBatch: number; slot: <T>(fn: () => Promise<T>) => Promise<T> },
  ): (group: G) => Promise<void> {
    const delivered = new Map<
      G,
      Promise<Map<string, DeliveryResult | MailDeliveryError> | Error>
    >();
    let batch: G[] = [];
    let batchMails = 0;
    const flush = (): void => {
      if (batch.length === 0) return;
      const keys = batch.flatMap((g) => groups.get(g)!.map((m) => m.key));
      const outcome = options
        .slot(() => this.outbox.deliverStored(keys))
        .catch((err: Error) => err);
      for (const g of batch) delivered.set(g, outcome);
      batch = [];
      batchMails = 0;
    };
    for (const [g, mails] of groups) {
      if (batchMails + mails.length > options.mailsPerBatch) flush();
      batch.push(g);
      batchMails += mails.length;
    }
    flush();
    return async (g) => {
      const outcome = await delivered.get(g);
      if (outcome === undefined) return;
      if (outcome instanceof Error) throw outcome;
      for (const m of groups.get(g)!) {
        const result = outcome.get(m.key);
        if (result instanceof MailDeliveryError) this.skipPermanentRefusal(result, m.key, m.to.id);
      }
    };
  }

  /**
   * For a caller that sends through the outbox itself: a permanent refusal of one address is
   * logged and skipped; anything else is thrown (and retried).
   */
  skipPermanentRefusal(err: unknown, idempotencyKey: string, personId: string): void {
    if (!(err instanceof MailDeliveryError && err.permanent)) throw err;
    log.warn('mail permanently refused; skipped', { idempotencyKey, personId, error: err.message });
  }

  // -- tasks ------------------------------------------------------------------------------------

  /** Opens (upserts) a task of one of the cycle's kinds; returns its id. */
  openTask(task: TaskToOpen & { kind: K }): Promise<string> {
    this.assertOwnKind(task.kind);
    return this.repos.tasks.open(task);
  }

  /** Opens many tasks of one kind and step in one statement (a fan-out). */
  openTasks(
    input: TasksToOpen & { kind: K },
  ): Promise<{ id: string; workflowId: string; personId: string }[]> {
    this.assertOwnKind(input.kind);
    return this.repos.tasks.openMany(input);
  }

  /** Completes, cancels or re-dates open tasks (only open tasks change). */
  updateTasks(update: TaskUpdate): Promise<void> {
    return this.repos.tasks.update(update);
  }

  // -- audit trail and read model ---------------------------------------------------------------

  /** Appends audit rows in order; a row whose key is stored already is skipped. */
  recordAudit(...entries: AuditEntry[]): Promise<void> {
    return this.repos.audit.append(entries);
  }

  /**
   * Records the cycle's list row (kind from the definition): inserted, or the `update` columns
   * of the existing one changed (default: the status only; none: an existing row stays).
   */
  recordCycleStatus(
    input: CycleStatusInput,
    update: CycleRecordUpdate = ['status'],
  ): Promise<void> {
    return this.repos.cycles.record({ ...input, kind: this.cycle.kind }, update);
  }

  /**
   * In one transaction: the writes queued with the state (audit rows first, so a state never
   * shows what its audit row misses; then task updates) and the state itself with its sequence
   * number; a state older than the stored one does not replace it.
   */
  async publishState(input: PublishStateInput): Promise<void> {
    const { writes, seq, state, ...row } = input;
    const audit = writes.flatMap((w) => ('audit' in w ? [w.audit] : []));
    const tasks = writes.flatMap((w) => ('tasks' in w ? [w.tasks] : []));
    await this.repos.transaction(async (tx) => {
      await tx.audit.append(audit);
      for (const t of tasks) await tx.tasks.update(t);
      await tx.cycles.publishState({ ...row, kind: this.cycle.kind, state, seq });
    });
  }

  // -- time ---------------------------------------------------------------------------------------

  /**
   * Whether `nowMs` lies within business hours (libs/domain's schedule), so a mail may go now;
   * `calendar`: whose days count (a school's: schoolCalendar(region); default: weekends and
   * public holidays off).
   */
  inBusinessHours(nowMs: number, calendar?: BusinessDayOptions): boolean {
    return nextBusinessMoment(new Date(nowMs), DEFAULT_BUSINESS_HOURS, calendar).getTime() <= nowMs;
  }

  private assertOwnKind(kind: TaskKind): void {
    if (!this.cycle.taskKinds.includes(kind as K)) {
      throw new Error(`cycle ${this.cycle.kind} declares no task kind '${kind}'`);
    }
  }
}

/** The kit for one cycle. */
export function createCycleKit<K extends TaskKind>(
  cycle: CycleDefinition<K>,
  deps: CycleKitDeps,
): CycleKit<K> {
  return new CycleKit(cycle, deps);
}
