import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** Which calendar a feed token opens: the person's own deadlines, or the SWV's year agenda. */
export const CALENDAR_FEED_KINDS = ['personal', 'agenda'] as const;
export type CalendarFeedKind = (typeof CALENDAR_FEED_KINDS)[number];

/**
 * A person's private iCalendar feed. The URL carries a random token; only its sha256 is
 * stored, so a leaked database does not reveal anyone's deadlines. One feed per person and
 * kind, each under its own token: making a new one replaces (and so revokes) the old token of
 * that kind only, and no token opens the other kind's feed.
 */
@Entity('calendar_feed')
@Unique('calendar_feed_person_kind_key', ['personId', 'kind'])
export class CalendarFeed {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  kind!: CalendarFeedKind;

  /**
   * A personal feed of the office made before the year agenda had a token of its own: that
   * token also opened the agenda, so a shared agenda link exposed this feed (migration 180).
   */
  @Column({ name: 'opened_agenda', type: 'boolean', default: false })
  openedAgenda!: boolean;

  @Column({ name: 'token_hash', type: 'text', unique: true })
  tokenHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
