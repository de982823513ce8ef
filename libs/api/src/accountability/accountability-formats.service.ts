import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AccountabilityFormat,
  DEFAULT_ACCOUNTABILITY_FORMAT,
  DomainError,
  validateFormat,
} from '@jaarcyclus/domain';
import {
  AccountabilityFormatVersion,
  ensureDefaultAccountabilityFormat,
  toAccountabilityFormat,
} from '@jaarcyclus/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import type { PublishAccountabilityFormatDto } from './dto/accountability.dto';
import { FieldValidationError } from './field-errors';

export interface FormatView extends AccountabilityFormat {
  /** Null for the default format a tenant uses until it publishes its own. */
  publishedAt: string | null;
  createdByPersonId: string | null;
  /** True for the built-in default (seed 001 §7.4) that the tenant has not changed. */
  isDefault: boolean;
}

function view(row: AccountabilityFormatVersion): FormatView {
  return {
    ...toAccountabilityFormat(row),
    publishedAt: row.publishedAt.toISOString(),
    createdByPersonId: row.createdByPersonId,
    isDefault: row.version === 1 && row.createdByPersonId === null,
  };
}

/** A version in the list of versions: who published it and which cycles use it. */
export interface FormatVersionUse {
  version: number;
  /** Null for the default format a tenant uses until it publishes its own. */
  publishedAt: string | null;
  /** The publisher's name; null for the default (or a person since removed). */
  publishedBy: string | null;
  isDefault: boolean;
  /** Accounting years of the SWV's accountability cycles that pinned this version. */
  accountingYears: number[];
}

const DEFAULT_VIEW: FormatView = {
  ...(JSON.parse(JSON.stringify(DEFAULT_ACCOUNTABILITY_FORMAT)) as AccountabilityFormat),
  publishedAt: null,
  createdByPersonId: null,
  isDefault: true,
};

/**
 * The tenant's accountability format (seed 001 §7.4: the SWV supplies a fixed format),
 * versioned: publishing creates version N+1, and a cycle keeps the version it pinned. Until a
 * tenant publishes its own, the domain's default counts as its version 1 (stored on first use).
 */
@Injectable()
export class AccountabilityFormatsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Newest first. */
  async list(me: AuthenticatedPerson): Promise<FormatView[]> {
    const rows = await this.ds.getRepository(AccountabilityFormatVersion).find({
      where: { organisationId: me.organisationId },
      order: { version: 'DESC' },
    });
    return rows.length === 0 ? [DEFAULT_VIEW] : rows.map(view);
  }

  /** Every version, newest first, with its publisher and the cycles that use it. */
  async versions(me: AuthenticatedPerson): Promise<FormatVersionUse[]> {
    const rows = (await this.ds.query(
      `SELECT f.version, f.published_at, f.created_by_person_id, p.name AS published_by,
              COALESCE(array_agg(c.accounting_year ORDER BY c.accounting_year)
                         FILTER (WHERE c.accounting_year IS NOT NULL), '{}') AS years
         FROM accountability_format f
         LEFT JOIN person p ON p.id = f.created_by_person_id AND p.organisation_id = f.organisation_id
         LEFT JOIN accountability_cycle c
                ON c.organisation_id = f.organisation_id AND c.format_version = f.version
        WHERE f.organisation_id = $1
        GROUP BY f.version, f.published_at, f.created_by_person_id, p.name
        ORDER BY f.version DESC`,
      [me.organisationId],
    )) as {
      version: number;
      published_at: Date;
      created_by_person_id: string | null;
      published_by: string | null;
      years: number[];
    }[];
    if (rows.length === 0) {
      return [
        { version: 1, publishedAt: null, publishedBy: null, isDefault: true, accountingYears: [] },
      ];
    }
    return rows.map((r) => {
      const isDefault = r.version === 1 && r.created_by_person_id === null;
      return {
        version: r.version,
        publishedAt: isDefault ? null : r.published_at.toISOString(),
        publishedBy: r.published_by,
        isDefault,
        accountingYears: r.years.map(Number),
      };
    });
  }

  async get(me: AuthenticatedPerson, version: number): Promise<FormatView> {
    const row = await this.ds
      .getRepository(AccountabilityFormatVersion)
      .findOneBy({ organisationId: me.organisationId, version });
    if (row) return view(row);
    const stored = await this.ds
      .getRepository(AccountabilityFormatVersion)
      .existsBy({ organisationId: me.organisationId });
    if (version === 1 && !stored) return DEFAULT_VIEW;
    throw new DomainError('NOT_FOUND', `Format version ${version} not found`);
  }

  async publish(me: AuthenticatedPerson, dto: PublishAccountabilityFormatDto): Promise<FormatView> {
    return this.ds.transaction(async (em) => {
      // Versions of one tenant are numbered one at a time.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('accountability_format:' || $1))`, [
        me.organisationId,
      ]);
      const latest = await this.latestVersion(em, me.organisationId);
      if (dto.baseVersion !== undefined && dto.baseVersion !== latest) {
        throw DomainError.of('CONFLICT', 'baseVersion', 'refusal.formatConflict', {
          latest,
          base: dto.baseVersion,
        });
      }
      const version = latest + 1;
      const { incomeLines, expenseLines, appendix } = dto;
      const checked = validateFormat({ incomeLines, expenseLines, appendix, version }, me.locale);
      if (!checked.ok) {
        throw new FieldValidationError('The format is not valid', checked.errors);
      }
      const row = await em.getRepository(AccountabilityFormatVersion).save({
        organisationId: me.organisationId,
        version,
        incomeLines: checked.value.incomeLines,
        expenseLines: checked.value.expenseLines,
        appendix: checked.value.appendix,
        createdByPersonId: me.id,
      });
      return view(
        await em.getRepository(AccountabilityFormatVersion).findOneByOrFail({ id: row.id }),
      );
    });
  }

  /** The tenant's current version, storing the default as version 1 when it has none. */
  async latestVersion(em: EntityManager, organisationId: string): Promise<number> {
    await ensureDefaultAccountabilityFormat(em, organisationId);
    const rows = (await em.query(
      `SELECT max(version)::int AS version FROM accountability_format WHERE organisation_id = $1`,
      [organisationId],
    )) as { version: number }[];
    return rows[0]!.version;
  }

  /** The format a cycle pinned; it exists by the composite foreign keys. */
  async pinned(organisationId: string, version: number): Promise<AccountabilityFormat> {
    const row = await this.ds
      .getRepository(AccountabilityFormatVersion)
      .findOneByOrFail({ organisationId, version });
    return toAccountabilityFormat(row);
  }
}
