import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { ReminderPolicy } from '@jaarcyclus/domain';

/**
 * The settings one accountability cycle pinned (workflow id `accountability:<tenant>:<year>`),
 * next to its generic `cycle` row (kind 'accountability'): the format version every school of
 * the cycle is validated against, the deadline and reminder policy, and the fan-out progress.
 */
@Entity('accountability_cycle')
@Unique('accountability_cycle_organisation_id_accounting_year_key', [
  'organisationId',
  'accountingYear',
])
export class AccountabilityCycle {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'workflow_id', type: 'text', unique: true })
  workflowId!: string;

  @Column({ name: 'accounting_year', type: 'integer' })
  accountingYear!: number;

  /** Pinned once per cycle: a format published later never changes what the cycle asks for. */
  @Column({ name: 'format_version', type: 'integer' })
  formatVersion!: number;

  /** Null until the cycle recorded itself (a row created by pinFormatVersion alone). */
  @Column({ type: 'timestamptz', nullable: true })
  deadline!: Date | null;

  @Column({ name: 'reminder_policy', type: 'jsonb', nullable: true })
  reminderPolicy!: ReminderPolicy | null;

  /** Number of schools in the cycle. */
  @Column({ type: 'integer', default: 0 })
  schools!: number;

  /** School workflows this cycle started. */
  @Column({ type: 'integer', default: 0 })
  started!: number;

  /** School workflows that were already running when a restarted fan-out reached them. */
  @Column({ name: 'already_started', type: 'integer', default: 0 })
  alreadyStarted!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
