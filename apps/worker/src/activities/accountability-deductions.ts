import type { DataSource } from 'typeorm';

/** One deduction as the domain's `computeAllocation` takes it (`AllocationInput.deductions`). */
export interface AllocationDeduction {
  schoolId: string;
  amountCents: number;
  reason: string;
}

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
export async function loadDeductionsForAllocation(
  ds: Pick<DataSource, 'query'>,
  organisationId: string,
  allocationYear: number,
): Promise<AllocationDeduction[]> {
  const rows = (await ds.query(
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
