import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { CycleKind } from './enums';

/** A read model of one durable cycle (workflow), e.g. the December budget approval of a year. */
@Entity('cycle')
export class Cycle {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'text' })
  kind!: CycleKind;

  @Column({ type: 'integer' })
  year!: number;

  /** Business key, e.g. `budget:<tenant>:<year>`. */
  @Column({ name: 'workflow_id', type: 'text', unique: true })
  workflowId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'created_by_person_id', type: 'uuid', nullable: true })
  createdByPersonId!: string | null;

  /**
   * The cycle's whole state as its workflow last published it (for a budget cycle: the
   * status Query's answer); null until the first publish. Not loaded unless selected.
   */
  @Column({ type: 'jsonb', nullable: true, select: false })
  state!: Record<string, unknown> | null;

  /** Sequence of the stored state; a publish with a lower one is ignored. */
  @Column({ name: 'state_seq', type: 'integer', default: 0, select: false })
  stateSeq!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
