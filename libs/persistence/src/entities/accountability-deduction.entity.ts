import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { bigintToNumber } from './column-types';

/**
 * Underspending of an accepted accountability, deducted from the school's total receipts
 * (docs/domain.md, source 001 §7.4: "Is er sprake van onderbesteding, dan wordt dat bedrag gekort op de totale
 * ontvangsten"). The allocation letters of `allocationYear` subtract it on the board's letter
 * (domain `computeAllocation`'s `deductions`). One per school and accounting year.
 */
@Entity('accountability_deduction')
@Unique('accountability_deduction_organisation_id_school_id_accounting_year_key', [
  'organisationId',
  'schoolId',
  'accountingYear',
])
export class AccountabilityDeduction {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  /** The school's board when the deduction was recorded: whose letter it goes on. */
  @Column({ name: 'board_id', type: 'uuid' })
  boardId!: string;

  @Column({ name: 'accounting_year', type: 'integer' })
  accountingYear!: number;

  /**
   * accountingYear + 2: the next year's letters went out in December, before the 1 February
   * deadline (domain `deductionAllocationYear`).
   */
  @Column({ name: 'allocation_year', type: 'integer' })
  allocationYear!: number;

  /** Always positive. */
  @Column({ name: 'amount_cents', type: 'bigint', transformer: bigintToNumber })
  amountCents!: number;

  /** Dutch, printed on the allocation letter. */
  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId!: string;

  /** `${workflowId}:deduction:${schoolId}`: a retried activity never records twice. */
  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
