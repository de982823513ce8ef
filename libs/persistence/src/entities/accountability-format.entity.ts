import { Column, Entity, PrimaryGeneratedColumn, Unique, type EntityManager } from 'typeorm';
import {
  type AccountabilityAppendixRule,
  type AccountabilityExpenseLine,
  type AccountabilityFormat,
  type AccountabilityIncomeLine,
  DEFAULT_ACCOUNTABILITY_FORMAT,
} from '@jaarcyclus/domain';

/**
 * One published version of a tenant's accountability format (docs/domain.md, source 001 §7.4: "in een vast
 * format, aangeleverd door het samenwerkingsverband"). Versions are 1, 2, … per tenant and
 * never change once published; a cycle pins the version it started with. Validated with the
 * domain's `validateFormat` before it is stored.
 */
@Entity('accountability_format')
@Unique('accountability_format_organisation_id_version_key', ['organisationId', 'version'])
export class AccountabilityFormatVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'income_lines', type: 'jsonb' })
  incomeLines!: AccountabilityIncomeLine[];

  @Column({ name: 'expense_lines', type: 'jsonb' })
  expenseLines!: AccountabilityExpenseLine[];

  @Column({ type: 'jsonb' })
  appendix!: AccountabilityAppendixRule;

  @Column({ name: 'published_at', type: 'timestamptz', default: () => 'now()' })
  publishedAt!: Date;

  /** Null for the default format stored on first use. */
  @Column({ name: 'created_by_person_id', type: 'uuid', nullable: true })
  createdByPersonId!: string | null;
}

/**
 * A tenant that never published a format uses the domain's default (docs/domain.md, source 001 §7.4). It is
 * stored as the tenant's version 1 the first time a cycle needs it, so that a cycle always pins
 * a row that exists (composite foreign keys) and a later edit becomes version 2. Safe to call
 * concurrently and repeatedly: nothing happens once the tenant has any version.
 */
export async function ensureDefaultAccountabilityFormat(
  em: Pick<EntityManager, 'query'>,
  organisationId: string,
): Promise<void> {
  const f = DEFAULT_ACCOUNTABILITY_FORMAT;
  await em.query(
    `INSERT INTO accountability_format (organisation_id, version, income_lines, expense_lines, appendix)
     SELECT $1, $2, $3, $4, $5
      WHERE NOT EXISTS (SELECT 1 FROM accountability_format WHERE organisation_id = $1)
     ON CONFLICT (organisation_id, version) DO NOTHING`,
    [
      organisationId,
      f.version,
      JSON.stringify(f.incomeLines),
      JSON.stringify(f.expenseLines),
      JSON.stringify(f.appendix),
    ],
  );
}

/** The stored row as the domain's format (what submissions are validated against). */
export function toAccountabilityFormat(row: AccountabilityFormatVersion): AccountabilityFormat {
  return {
    version: row.version,
    incomeLines: row.incomeLines,
    expenseLines: row.expenseLines,
    appendix: row.appendix,
  };
}
