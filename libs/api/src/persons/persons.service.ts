import { Injectable } from '@nestjs/common';
import { DomainError } from '@jaarcyclus/domain';
import { Person, School, SchoolBoard } from '@jaarcyclus/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { TenantCrudService } from '../common/tenant-crud.service';
import { assertInTenant, definedOnly } from '../common/tenant-references';
import type { CreatePersonDto, UpdatePersonDto } from './dto/person.dto';

/**
 * People of one SWV (list and get scoped as TenantCrudService does). Changes that could
 * remove the last active administrator run in a transaction that locks the organisation row,
 * so two concurrent demotions cannot together lock everyone out. A person who is still
 * referenced (bestuurder, body member, chair, ECT member, task) is refused with 409 by the
 * foreign keys when removed.
 */
@Injectable()
export class PersonsService extends TenantCrudService<Person, CreatePersonDto, UpdatePersonDto> {
  constructor(private readonly ds: DataSource) {
    super(ds.getRepository(Person), 'Person');
  }

  async create(organisationId: string, input: CreatePersonDto): Promise<Person> {
    const person = this.repository.create({
      organisationId,
      email: input.email,
      name: input.name,
      locale: input.locale ?? 'nl',
      roles: input.roles,
      boardId: input.boardId ?? null,
      schoolId: input.schoolId ?? null,
      active: input.active ?? true,
    });
    await this.checkReferences(this.ds.manager, person);
    return this.repository.save(person);
  }

  async update(organisationId: string, id: string, input: UpdatePersonDto): Promise<Person> {
    return this.ds.transaction(async (em) => {
      await lockOrganisation(em, organisationId);
      const person = Object.assign(await this.get(organisationId, id, em), definedOnly(input));
      await this.checkReferences(em, person);
      const saved = await em.getRepository(Person).save(person);
      await assertAnActiveAdminRemains(em, organisationId);
      return saved;
    });
  }

  override async remove(organisationId: string, id: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      await lockOrganisation(em, organisationId);
      await super.remove(organisationId, id, em);
      await assertAnActiveAdminRemains(em, organisationId);
    });
  }

  private async checkReferences(em: EntityManager, person: Person): Promise<void> {
    await assertInTenant(
      em,
      SchoolBoard,
      person.organisationId,
      person.boardId,
      'boardId',
      'a school board',
    );
    if (!person.schoolId) return;
    const school = await em
      .getRepository(School)
      .findOne({ where: { id: person.schoolId, organisationId: person.organisationId } });
    if (!school)
      throw DomainError.of('VALIDATION', 'schoolId', 'refusal.notInTenant', {
        field: 'schoolId',
        what: 'a school',
      });
    if (person.boardId && school.boardId !== person.boardId) {
      throw DomainError.of('VALIDATION', 'schoolId', 'refusal.schoolOfOtherBoard', {
        field: 'schoolId',
      });
    }
  }
}

async function lockOrganisation(em: EntityManager, organisationId: string): Promise<void> {
  await em.query(`SELECT 1 FROM organisation WHERE id = $1 FOR UPDATE`, [organisationId]);
}

/** Without an active administrator nobody could manage the SWV's people any more. */
async function assertAnActiveAdminRemains(
  em: EntityManager,
  organisationId: string,
): Promise<void> {
  const rows = (await em.query(
    `SELECT count(*)::int AS n FROM person WHERE organisation_id = $1 AND active AND 'admin' = ANY (roles)`,
    [organisationId],
  )) as { n: number }[];
  if ((rows[0]?.n ?? 0) === 0) {
    throw DomainError.of('RULE_VIOLATION', undefined, 'refusal.lastAdmin');
  }
}
