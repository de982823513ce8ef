import { Injectable } from '@nestjs/common';
import { DomainError } from '@jaarcyclus/domain';
import { type Person, PersonRepository, Repositories } from '@jaarcyclus/persistence';
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
  constructor(
    persons: PersonRepository,
    private readonly repos: Repositories,
  ) {
    super(persons, 'Person');
  }

  async create(organisationId: string, input: CreatePersonDto): Promise<Person> {
    const person = this.records.create({
      organisationId,
      email: input.email,
      name: input.name,
      locale: input.locale ?? 'nl',
      roles: input.roles,
      boardId: input.boardId ?? null,
      schoolId: input.schoolId ?? null,
      active: input.active ?? true,
    });
    await this.checkReferences(this.repos, person);
    return this.records.save(person);
  }

  async update(organisationId: string, id: string, input: UpdatePersonDto): Promise<Person> {
    return this.repos.transaction(async (tx) => {
      await tx.organisations.lock(organisationId);
      const person = Object.assign(
        await this.get(organisationId, id, tx.persons),
        definedOnly(input),
      );
      await this.checkReferences(tx, person);
      const saved = await tx.persons.save(person);
      await assertAnActiveAdminRemains(tx, organisationId);
      return saved;
    });
  }

  override async remove(organisationId: string, id: string): Promise<void> {
    await this.repos.transaction(async (tx) => {
      await tx.organisations.lock(organisationId);
      await super.remove(organisationId, id, tx.persons);
      await assertAnActiveAdminRemains(tx, organisationId);
    });
  }

  /** `repos`: the pool's repositories, or those of the caller's transaction. */
  private async checkReferences(repos: Repositories, person: Person): Promise<void> {
    // A school contact accounts for one school: without it they would get no tasks at all.
    if (person.roles.includes('school_contact') && !person.schoolId) {
      throw DomainError.of('VALIDATION', 'schoolId', 'refusal.schoolContactNeedsSchool', {
        field: 'schoolId',
      });
    }
    await assertInTenant(
      repos.boards,
      person.organisationId,
      person.boardId,
      'boardId',
      'a school board',
    );
    if (!person.schoolId) return;
    const school = await repos.schools.get(person.organisationId, person.schoolId);
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

/**
 * Without an active administrator nobody could manage the SWV's people any more. `tx`: the
 * transaction that holds the organisation row's lock.
 */
async function assertAnActiveAdminRemains(tx: Repositories, organisationId: string): Promise<void> {
  if ((await tx.persons.countActiveAdmins(organisationId)) === 0) {
    throw DomainError.of('RULE_VIOLATION', undefined, 'refusal.lastAdmin');
  }
}
