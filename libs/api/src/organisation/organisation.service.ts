import { Injectable } from '@nestjs/common';
import { validateReserveRuleSetting } from '@jaarcyclus/domain';
import {
  type Organisation,
  OrganisationRepository,
  type OrganisationSettings,
  Repositories,
} from '@jaarcyclus/persistence';
import { definedOnly, notFound } from '../common/tenant-references';
import type { UpdateOrganisationDto } from './dto/organisation.dto';

/** The caller's own SWV. The slug is fixed: it is part of workflow ids. */
@Injectable()
export class OrganisationService {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly repos: Repositories,
  ) {}

  async get(organisationId: string): Promise<Organisation> {
    const organisation = await this.organisations.get(organisationId);
    if (!organisation) throw notFound('Organisation');
    return organisation;
  }

  async update(organisationId: string, input: UpdateOrganisationDto): Promise<Organisation> {
    return this.repos.transaction(async (tx) => {
      const organisation = await tx.organisations.get(organisationId, { lock: true });
      if (!organisation) throw notFound('Organisation');
      const { settings, ...fields } = input;
      // The checks across fields (the maximum not below the target) are the domain's.
      if (settings?.reserveRule) validateReserveRuleSetting(settings.reserveRule);
      Object.assign(organisation, definedOnly(fields));
      if (settings) organisation.settings = mergeSettings(organisation.settings, settings);
      return tx.organisations.save(organisation);
    });
  }
}

/** Given keys replace stored ones; null removes a key, so the domain default applies again. */
function mergeSettings(current: OrganisationSettings, patch: object): OrganisationSettings {
  const merged: OrganisationSettings = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
