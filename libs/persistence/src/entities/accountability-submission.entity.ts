import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * - draft: saved, not submitted (one per school and year; raw form input);
 * - pending: stored by the api, the workflow has not confirmed it yet;
 * - submitted / returned / accepted: a version, as the workflow recorded it;
 * - refused: the workflow refused it (e.g. already accepted); kept, never a version.
 */
export const ACCOUNTABILITY_SUBMISSION_STATUSES = [
  'draft',
  'pending',
  'submitted',
  'returned',
  'accepted',
  'refused',
] as const;
export type AccountabilitySubmissionStatus = (typeof ACCOUNTABILITY_SUBMISSION_STATUSES)[number];

/**
 * A school's figures for the 1 February accountability (docs/domain.md, source 001 §7.4). Except for a draft,
 * `figures` are validated against the cycle's format version (domain `validateSubmission`) and
 * stored in integer cents and hundredths of an FTE (`AccountabilitySubmissionFigures`).
 */
@Entity('accountability_submission')
export class AccountabilitySubmission {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'accounting_year', type: 'integer' })
  accountingYear!: number;

  @Column({ name: 'cycle_workflow_id', type: 'text' })
  cycleWorkflowId!: string;

  @Column({ name: 'format_version', type: 'integer' })
  formatVersion!: number;

  /** 1, 2, … once the workflow accepted the submission; null for draft, pending and refused. */
  @Column({ type: 'integer', nullable: true })
  version!: number | null;

  @Column({ type: 'text' })
  status!: AccountabilitySubmissionStatus;

  @Column({ type: 'jsonb' })
  figures!: Record<string, unknown>;

  /** Who saved the draft or submitted the figures. */
  @Column({ name: 'submitted_by_person_id', type: 'uuid' })
  submittedByPersonId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** What the school must correct (returned). */
  @Column({ name: 'review_comments', type: 'text', nullable: true })
  reviewComments!: string | null;

  @Column({ name: 'reviewed_by_person_id', type: 'uuid', nullable: true })
  reviewedByPersonId!: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;
}
