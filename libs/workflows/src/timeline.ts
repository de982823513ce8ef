/**
 * The cycle's timeline as shown by the status Query: what happened, when (workflow time, ISO),
 * with language-neutral codes so the UI can render Dutch or English.
 */
export type TimelineCode =
  | 'cycle_started'
  | 'round_opened'
  | 'ballots_sent'
  | 'vote_cast'
  | 'vote_changed'
  | 'reminder_requested'
  | 'reminder_sent'
  | 'deadline_missed'
  | 'escalation_sent'
  | 'result_sent'
  | 'cancellation_sent'
  | 'deadline_extended'
  | 'body_decided'
  | 'body_cancelled'
  | 'round_approved'
  | 'round_rejected'
  | 'dispute_recorded'
  | 'revision_submitted'
  | 'adoption_requested'
  | 'budget_adopted'
  | 'letters_scheduled'
  | 'letters_sent'
  | 'cycle_completed'
  | 'consent_withheld'
  | 'dispute_referred'
  | 'dispute_resolved'
  | 'plan_adopted';

export interface TimelineEvent {
  at: string;
  code: TimelineCode;
  round?: number;
  bodyKey?: string;
  actorPersonId?: string;
  data?: Record<string, unknown>;
}

export class Timeline {
  private readonly events: TimelineEvent[] = [];

  /** `onAdd` runs after every event (e.g. to publish the cycle's read model). */
  constructor(private readonly onAdd: () => void = () => undefined) {}

  add(code: TimelineCode, fields: Omit<TimelineEvent, 'at' | 'code'> = {}): TimelineEvent {
    // Workflow time: `Date.now()` is deterministic inside the workflow sandbox.
    const event: TimelineEvent = { at: new Date(Date.now()).toISOString(), code, ...fields };
    this.events.push(event);
    this.onAdd();
    return event;
  }

  list(): TimelineEvent[] {
    return this.events.map((e) => ({ ...e }));
  }
}
