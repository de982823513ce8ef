import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DomainError } from '@jaarcyclus/domain';
import { Person, School, SchoolBoard } from '@jaarcyclus/persistence';
import type { Repository } from 'typeorm';
import { assertInTenant, definedOnly, notFound, sortByName } from '../common/tenant-references';
import type { CreateSchoolDto, UpdateSchoolDto } from './dto/school.dto';

/** Schools of one SWV. Every query is scoped to the caller's organisation. */
@Injectable()
export class SchoolsService {
  constructor(@InjectRepository(School) private readonly schools: Repository<School>) {}

  async list(organisationId: string): Promise<School[]> {
    return sortByName(
      await this.schools.find({ where: { organisationId }, order: { name: 'ASC', id: 'ASC' } }),
    );
  }

  async get(organisationId: string, id: string): Promise<School> {
    const school = await this.schools.findOne({ where: { id, organisationId } });
    if (!school) throw notFound('School');
    return school;
  }

  async create(organisationId: string, input: CreateSchoolDto): Promise<School> {
    const school = this.schools.create({
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
    return this.schools.save(school);
  }

  async update(organisationId: string, id: string, input: UpdateSchoolDto): Promise<School> {
    const school = Object.assign(await this.get(organisationId, id), definedOnly(input));
    await this.check(school);
    return this.schools.save(school);
  }

  async remove(organisationId: string, id: string): Promise<void> {
    const result = await this.schools.delete({ id, organisationId });
    if (!result.affected) throw notFound('School');
  }

  private async check(school: School): Promise<void> {
    const em = this.schools.manager;
    await assertInTenant(
      em,
      SchoolBoard,
      school.organisationId,
      school.boardId,
      'boardId',
      'a school board',
    );
    // The fixed amount follows the support profile of a regular school; special (vso) schools
    // are funded otherwise (seed 001 §7.2).
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
      const ect = await em.getRepository(Person).findOne({
        where: { id: school.ectMemberPersonId, organisationId: school.organisationId },
      });
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
