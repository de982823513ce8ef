import { Injectable } from '@nestjs/common';
import {
  type AccountabilityFormat,
  DEFAULT_ACCOUNTABILITY_FORMAT,
  DomainError,
  validateFormat,
} from '@jaarcyclus/domain';
import {
  type AccountabilityFormatVersion,
  AccountabilityRepository,
  Repositories,
  toAccountabilityFormat,
} from '@jaarcyclus/persistence';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import type { PublishAccountabilityFormatDto } from './dto/accountability.dto';
import { FieldValidationError } from './field-errors';

export interface FormatView extends AccountabilityFormat {
  /** Null for the default format a tenant uses until it publishes its own. */
  publishedAt: string | null;
  createdByPersonId: string | null;
  /** True for the built-in default (docs/domain.md, source 001 §7.4) that the tenant has not changed. */
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
 * The tenant's accountability format (docs/domain.md, source 001 §7.4: the SWV supplies a fixed format),
 * versioned: publishing creates version N+1, and a cycle keeps the version it pinned. Until a
 * tenant publishes its own, the domain's default counts as its version 1 (stored on first use).
 */
@Injectable()
export class AccountabilityFormatsService {
  constructor(
    private readonly accountability: AccountabilityRepository,
    private readonly repos: Repositories,
  ) {}

  /** Newest first. */
  async list(me: AuthenticatedPerson): Promise<FormatView[]> {
    const rows = await this.accountability.formats(me.organisationId);
    return rows.length === 0 ? [DEFAULT_VIEW] : rows.map(view);
  }

  /** Every version, newest first, with its publisher and the cycles that use it. */
  async versions(me: AuthenticatedPerson): Promise<FormatVersionUse[]> {
    const rows = await this.accountability.formatUses(me.organisationId);
    if (rows.length === 0) {
      return [
        { version: 1, publishedAt: null, publishedBy: null, isDefault: true, accountingYears: [] },
      ];
    }
    return rows.map((r) => {
      const isDefault = r.version === 1 && r.createdByPersonId === null;
      return {
        version: r.version,
        publishedAt: isDefault ? null : r.publishedAt.toISOString(),
        publishedBy: r.publishedBy,
        isDefault,
        accountingYears: r.accountingYears,
      };
    });
  }

  async get(me: AuthenticatedPerson, version: number): Promise<FormatView> {
    const row = await this.accountability.format(me.organisationId, version);
    if (row) return view(row);
    const stored = await this.accountability.hasFormats(me.organisationId);
    if (version === 1 && !stored) return DEFAULT_VIEW;
    throw new DomainError('NOT_FOUND', `Format version ${version} not found`);
  }

  async publish(me: AuthenticatedPerson, dto: PublishAccountabilityFormatDto): Promise<FormatView> {
    return this.repos.transaction(async (tx) => {
      // Versions of one tenant are numbered one at a time.
      await tx.accountability.lockFormats(me.organisationId);
      const latest = await tx.accountability.latestFormatVersion(me.organisationId);
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
      return view(
        await tx.accountability.insertFormat({
          organisationId: me.organisationId,
          version,
          incomeLines: checked.value.incomeLines,
          expenseLines: checked.value.expenseLines,
          appendix: checked.value.appendix,
          createdByPersonId: me.id,
        }),
      );
    });
  }

  /** The tenant's current version, storing the default as version 1 when it has none. */
  latestVersion(organisationId: string): Promise<number> {
    return this.accountability.latestFormatVersion(organisationId);
  }

  /** The format a cycle pinned; it exists by the composite foreign keys. */
  async pinned(organisationId: string, version: number): Promise<AccountabilityFormat> {
    return toAccountabilityFormat(await this.accountability.formatOrFail(organisationId, version));
  }
}
