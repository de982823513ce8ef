import { Injectable } from '@nestjs/common';
import { DomainError } from '@jaarcyclus/domain';
import {
  BoardRepository,
  PersonRepository,
  type School,
  SchoolRepository,
} from '@jaarcyclus/persistence';
import { TenantCrudService } from '../common/tenant-crud.service';
import { assertInTenant, definedOnly } from '../common/tenant-references';
import type { CreateSchoolDto, UpdateSchoolDto } from './dto/school.dto';

/**
 * Schools of one SWV (list, get and remove scoped as TenantCrudService does). A school that is
 * still used (people linked to it, its accountability) is refused with 409 by the foreign keys
 * when it is removed.
 */
@Injectable()
export class SchoolsService extends TenantCrudService<School, CreateSchoolDto, UpdateSchoolDto> {
  constructor(
    schools: SchoolRepository,
    private readonly boards: BoardRepository,
    private readonly persons: PersonRepository,
  ) {
    super(schools, 'School');
  }

  async create(organisationId: string, input: CreateSchoolDto): Promise<School> {
    const school = this.records.create({
      organisationId,
      boardId: input.boardId,
      name: input.name,
      brin: input.brin ?? null,
      kind: input.kind,
      locationCount: input.locationCount ?? 1,
      fixedAmountCents: input.fixedAmountCents ?? 0,
      ectMemberPersonId: input.ectMemberPersonId ?? null,
    });
    await this.check(school);
    return this.records.save(school);
  }

  async update(organisationId: string, id: string, input: UpdateSchoolDto): Promise<School> {
    const school = Object.assign(await this.get(organisationId, id), definedOnly(input));
    await this.check(school);
    return this.records.save(school);
  }

  private async check(school: School): Promise<void> {
    await assertInTenant(
      this.boards,
      school.organisationId,
      school.boardId,
      'boardId',
      'a school board',
    );
    // The fixed amount follows the support profile of a regular school; special (vso) schools
    // are funded otherwise (docs/domain.md, source 001 §7.2).
    if (school.kind === 'special' && school.fixedAmountCents !== 0) {
      throw DomainError.of(
        'RULE_VIOLATION',
        'fixedAmountCents',
        'refusal.specialSchoolFixedAmount',
        {
          field: 'fixedAmountCents',
        },
      );
    }
    if (school.ectMemberPersonId) {
      const ect = await this.persons.get(school.organisationId, school.ectMemberPersonId);
      if (!ect)
        throw DomainError.of('VALIDATION', 'ectMemberPersonId', 'refusal.notInTenant', {
          field: 'ectMemberPersonId',
          what: 'a person',
        });
      if (!ect.roles.includes('ect_member')) {
        throw DomainError.of('RULE_VIOLATION', 'ectMemberPersonId', 'refusal.ectMemberRole', {
          field: 'ectMemberPersonId',
        });
      }
    }
  }
}
