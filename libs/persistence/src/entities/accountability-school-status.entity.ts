import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { SchoolAccountabilityStatus } from '@jaarcyclus/domain';

/**
 * Where one school stands in one accountability cycle: the read model the school workflow
 * keeps current (activity `recordStatus`) and the overview of who is late is built from. The
 * workflow is the source of truth; the api only inserts the initial 'not_started' row so that
 * the overview lists every school at once.
 */
@Entity('school_accountability')
@Unique('school_accountability_organisation_id_accounting_year_school_id_key', [
  'organisationId',
  'accountingYear',
  'schoolId',
])
export class SchoolAccountability {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  /** `accountability:<tenant>:<year>:school:<schoolId>`. */
  @Column({ name: 'workflow_id', type: 'text', unique: true })
  workflowId!: string;

  @Column({ name: 'cycle_workflow_id', type: 'text' })
  cycleWorkflowId!: string;

  @Column({ name: 'accounting_year', type: 'integer' })
  accountingYear!: number;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'format_version', type: 'integer' })
  formatVersion!: number;

  @Column({ type: 'text', default: 'not_started' })
  status!: SchoolAccountabilityStatus;

  /** Number of submissions so far (0: none). */
  @Column({ type: 'integer', default: 0 })
  version!: number;

  @Column({ name: 'current_submission_id', type: 'uuid', nullable: true })
  currentSubmissionId!: string | null;

  /** The current (possibly extended) deadline. */
  @Column({ type: 'timestamptz' })
  deadline!: Date;

  /**
   * Days late as of the last write: frozen at the first submission or a waiver; while 'late'
   * it grows, so readers compute it afresh with the domain's `daysLate(deadline, now)`.
   */
  @Column({ name: 'days_late', type: 'integer', default: 0 })
  daysLate!: number;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'late_since', type: 'timestamptz', nullable: true })
  lateSince!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
