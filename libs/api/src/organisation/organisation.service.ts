import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Organisation, type OrganisationSettings } from '@jaarcyclus/persistence';
import type { Repository } from 'typeorm';
import { definedOnly, notFound } from '../common/tenant-references';
import type { UpdateOrganisationDto } from './dto/organisation.dto';

/** The caller's own SWV. The slug is fixed: it is part of workflow ids. */
@Injectable()
export class OrganisationService {
  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
  ) {}

  async get(organisationId: string): Promise<Organisation> {
    const organisation = await this.organisations.findOne({ where: { id: organisationId } });
    if (!organisation) throw notFound('Organisation');
    return organisation;
  }

  async update(organisationId: string, input: UpdateOrganisationDto): Promise<Organisation> {
    return this.organisations.manager.transaction(async (em) => {
      const repo = em.getRepository(Organisation);
      const organisation = await repo.findOne({
        where: { id: organisationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!organisation) throw notFound('Organisation');
      const { settings, ...fields } = input;
      Object.assign(organisation, definedOnly(fields));
      if (settings) organisation.settings = mergeSettings(organisation.settings, settings);
      return repo.save(organisation);
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
