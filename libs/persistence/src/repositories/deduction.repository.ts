import { AccountabilityDeduction } from '../entities/accountability-deduction.entity';
import type { Db } from './db';

/** One deduction as the domain's `computeAllocation` takes it (`AllocationInput.deductions`). */
export interface AllocationDeduction {
  schoolId: string;
  amountCents: number;
  reason: string;
}

export interface DeductionToRecord {
  /** One deduction per key. */
  idempotencyKey: string;
  organisationId: string;
  schoolId: string;
  boardId: string;
  accountingYear: number;
  allocationYear: number;
  amountCents: number;
  reason: string;
  submissionId: string;
  /** ISO. */
  at: string;
}

/** Underspending deducted from a later allocation (accountability_deduction). */
export class DeductionRepository {
  constructor(private readonly db: Db) {}

  /**
   * The underspending deductions to subtract on the allocation letters of `allocationYear`
   * (docs/domain.md, source 001 §7.4: "Is er sprake van onderbesteding, dan wordt dat bedrag gekort op de totale
   * ontvangsten"). The accountability over year Y is accepted after 1 February of Y+1, when the
   * letters for Y+1 went out already (December of Y), so its deduction is recorded with
   * allocationYear Y+2 and read here when that year's letters are computed.
   *
   * Only deductions of the tenant's regular schools are returned: the letters list the fixed
   * amounts of regular schools only (docs/domain.md, source 001 §7.2), and computeAllocation refuses a deduction for a
   * school it does not know. (The api only lets regular schools into an accountability cycle; a
   * school that became special afterwards keeps its recorded deduction, which then needs a
   * manual settlement.)
   */
  async forAllocation(
    organisationId: string,
    allocationYear: number,
  ): Promise<AllocationDeduction[]> {
    const rows = (await this.db.query(
      `SELECT d.school_id, d.amount_cents, d.reason
         FROM accountability_deduction d
         JOIN school s ON s.organisation_id = d.organisation_id AND s.id = d.school_id
        WHERE d.organisation_id = $1 AND d.allocation_year = $2 AND s.kind = 'regular'
        ORDER BY s.name, d.accounting_year, d.id`,
      [organisationId, allocationYear],
    )) as { school_id: string; amount_cents: string; reason: string }[];
    return rows.map((r) => ({
      schoolId: r.school_id,
      amountCents: Number(r.amount_cents),
      reason: r.reason,
    }));
  }

  /**
   * Records the deduction once. A retry (same key) or, defensively, another key for the same
   * school and accounting year finds the deduction that exists: one school is never deducted
   * twice for one year.
   */
  async record(d: DeductionToRecord): Promise<{ deductionId: string; created: boolean }> {
    const inserted = (await this.db.query(
      `INSERT INTO accountability_deduction
         (organisation_id, school_id, board_id, accounting_year, allocation_year, amount_cents, reason,
          submission_id, idempotency_key, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [
        d.organisationId,
        d.schoolId,
        d.boardId,
        d.accountingYear,
        d.allocationYear,
        d.amountCents,
        d.reason,
        d.submissionId,
        d.idempotencyKey,
        d.at,
      ],
    )) as { id: string }[];
    if (inserted[0]) return { deductionId: inserted[0].id, created: true };
    const existing = (await this.db.query(
      `SELECT id FROM accountability_deduction
        WHERE idempotency_key = $1
           OR (organisation_id = $2 AND school_id = $3 AND accounting_year = $4)
        ORDER BY (idempotency_key = $1) DESC LIMIT 1`,
      [d.idempotencyKey, d.organisationId, d.schoolId, d.accountingYear],
    )) as { id: string }[];
    if (!existing[0])
      throw new Error(`deduction ${d.idempotencyKey} was neither inserted nor found`);
    return { deductionId: existing[0].id, created: false };
  }

  /** The school's deduction for the accounting year, or null (there is one at most). */
  forSchool(
    organisationId: string,
    schoolId: string,
    accountingYear: number,
  ): Promise<AccountabilityDeduction | null> {
    return this.db
      .getRepository(AccountabilityDeduction)
      .findOneBy({ organisationId, schoolId, accountingYear });
  }
}
