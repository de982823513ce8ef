import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReserveRuleSetting } from '@jaarcyclus/domain';
import type { SchoolRegion, Sector } from './enums';

/** Per-SWV configuration with sensible defaults applied by the domain layer when a key is absent. */
export interface OrganisationSettings {
  /** Business days before a budget vote's deadline on which reminders go out. */
  reminderOffsetsBusinessDays?: number[];
  /** Business days before the accountability deadline (1 February) on which schools are reminded. */
  accountabilityReminderOffsetsBusinessDays?: number[];
  /** After this many rejected OPR rounds the dispute goes to the Commissie voor Geschillen (docs/domain.md, source 001 §1.5). */
  opRDisputeAfterRounds?: number;
  /** The reserve rule of the allocation (default: 2%, 3.5%, made up in 1 year, no cap). */
  reserveRule?: ReserveRuleSetting;
  [key: string]: unknown;
}

/** One samenwerkingsverband passend onderwijs: the tenant every other row belongs to. */
@Entity('organisation')
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  region!: SchoolRegion;

  @Column({ type: 'text' })
  sector!: Sector;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  settings!: OrganisationSettings;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
