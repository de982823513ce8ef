import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A person's private iCalendar feed of task deadlines. The URL carries a random token; only
 * its sha256 is stored, so a leaked database does not reveal anyone's deadlines. One feed per
 * person: making a new one replaces (and so revokes) the old token.
 */
@Entity('calendar_feed')
export class CalendarFeed {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'person_id', type: 'uuid', unique: true })
  personId!: string;

  @Column({ name: 'token_hash', type: 'text', unique: true })
  tokenHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
