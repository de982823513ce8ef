import { Injectable } from '@nestjs/common';
import { DomainError, validateVotingRule, type VotingRule } from '@jaarcyclus/domain';
import { Body, BodyMember, Person, SchoolBoard } from '@jaarcyclus/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assertInTenant,
  compareNames,
  definedOnly,
  notFound,
  sortByName,
} from '../common/tenant-references';
import type { AddBodyMemberDto, CreateBodyDto, UpdateBodyDto } from './dto/body.dto';
import type { VotingRuleDto } from './dto/voting-rule.dto';

export interface MemberWithPerson {
  member: BodyMember;
  person: { name: string; email: string };
}

/**
 * Governing and advisory bodies of one SWV and their members. Governance differs per SWV, so
 * bodies and voting rules are data (DOMAIN glossary). Every query is scoped to the caller's
 * organisation; member changes lock the body row so concurrent additions see each other.
 */
@Injectable()
export class BodiesService {
  constructor(private readonly ds: DataSource) {}

  async list(organisationId: string): Promise<Body[]> {
    return sortByName(
      await this.ds
        .getRepository(Body)
        .find({ where: { organisationId }, order: { name: 'ASC', id: 'ASC' } }),
    );
  }

  get(organisationId: string, id: string): Promise<Body> {
    return this.find(this.ds.manager, organisationId, id);
  }

  /** Creates the body and its members in one transaction: all of them, or nothing. */
  async create(organisationId: string, input: CreateBodyDto): Promise<Body> {
    const votingRule = checkedVotingRule(input.votingRule);
    return this.ds.transaction(async (em) => {
      await assertInTenant(
        em,
        Person,
        organisationId,
        input.chairPersonId,
        'chairPersonId',
        'a person',
      );
      const body = await em.getRepository(Body).save(
        em.getRepository(Body).create({
          organisationId,
          key: input.key,
          name: input.name,
          decisionKind: input.decisionKind,
          votingRule,
          chairPersonId: input.chairPersonId ?? null,
        }),
      );
      for (const [i, member] of (input.members ?? []).entries()) {
        await this.insertMember(em, body, member, `members[${i}].`);
      }
      return body;
    });
  }

  async update(organisationId: string, id: string, input: UpdateBodyDto): Promise<Body> {
    const patch = {
      ...definedOnly(input),
      ...(input.votingRule ? { votingRule: checkedVotingRule(input.votingRule) } : {}),
    };
    return this.ds.transaction(async (em) => {
      const body = Object.assign(await this.find(em, organisationId, id, true), patch);
      await assertInTenant(
        em,
        Person,
        organisationId,
        body.chairPersonId,
        'chairPersonId',
        'a person',
      );
      if (body.votingRule.weighting === 'pupil_count') {
        const withoutBoard = (await em.query(
          `SELECT count(*)::int AS n FROM body_member WHERE body_id = $1 AND board_id IS NULL`,
          [body.id],
        )) as { n: number }[];
        if ((withoutBoard[0]?.n ?? 0) > 0) {
          throw DomainError.of(
            'RULE_VIOLATION',
            'votingRule.weighting',
            'refusal.weighNeedsBoards',
          );
        }
      }
      return em.getRepository(Body).save(body);
    });
  }

  /** Removes the body with its memberships. */
  async remove(organisationId: string, id: string): Promise<void> {
    const result = await this.ds.getRepository(Body).delete({ id, organisationId });
    if (!result.affected) throw notFound('Body');
  }

  async listMembers(organisationId: string, bodyId: string): Promise<MemberWithPerson[]> {
    await this.find(this.ds.manager, organisationId, bodyId);
    const rows = (await this.ds.query(
      `SELECT m.id, m.body_id, m.person_id, m.board_id, p.name, p.email
         FROM body_member m JOIN person p ON p.id = m.person_id
        WHERE m.body_id = $1 AND p.organisation_id = $2
        ORDER BY m.id`,
      [bodyId, organisationId],
    )) as {
      id: string;
      body_id: string;
      person_id: string;
      board_id: string | null;
      name: string;
      email: string;
    }[];
    const members = rows.map((r) => ({
      member: Object.assign(new BodyMember(), {
        id: r.id,
        bodyId: r.body_id,
        personId: r.person_id,
        boardId: r.board_id,
      }),
      person: { name: r.name, email: r.email },
    }));
    return members.sort((a, b) => compareNames(a.person.name, b.person.name));
  }

  async addMember(
    organisationId: string,
    bodyId: string,
    input: AddBodyMemberDto,
  ): Promise<MemberWithPerson> {
    return this.ds.transaction(async (em) => {
      const body = await this.find(em, organisationId, bodyId, true);
      const member = await this.insertMember(em, body, input, '');
      const person = await em
        .getRepository(Person)
        .findOneOrFail({ where: { id: member.personId } });
      return { member, person: { name: person.name, email: person.email } };
    });
  }

  async removeMember(organisationId: string, bodyId: string, memberId: string): Promise<void> {
    await this.find(this.ds.manager, organisationId, bodyId);
    const result = await this.ds.getRepository(BodyMember).delete({ id: memberId, bodyId });
    if (!result.affected) throw notFound('Body member');
  }

  private async find(
    em: EntityManager,
    organisationId: string,
    id: string,
    lock = false,
  ): Promise<Body> {
    const body = await em.getRepository(Body).findOne({
      where: { id, organisationId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!body) throw notFound('Body');
    return body;
  }

  /** `path` prefixes field names, e.g. 'members[2].' when members come with a new body. */
  private async insertMember(
    em: EntityManager,
    body: Body,
    input: AddBodyMemberDto,
    path: string,
  ): Promise<BodyMember> {
    await assertInTenant(
      em,
      Person,
      body.organisationId,
      input.personId,
      `${path}personId`,
      'a person',
    );
    await assertInTenant(
      em,
      SchoolBoard,
      body.organisationId,
      input.boardId,
      `${path}boardId`,
      'a school board',
    );
    if (body.votingRule.weighting === 'pupil_count') {
      // The member's weight is the represented board's pupil count (seed 001 §1.1): without a
      // board it has no weight, and a board represented twice would count twice.
      if (!input.boardId) {
        throw DomainError.of('VALIDATION', `${path}boardId`, 'refusal.memberNeedsBoard', {
          field: `${path}boardId`,
        });
      }
      const taken = await em
        .getRepository(BodyMember)
        .exists({ where: { bodyId: body.id, boardId: input.boardId } });
      if (taken) throw DomainError.of('CONFLICT', `${path}boardId`, 'refusal.boardRepresented');
    }
    return em
      .getRepository(BodyMember)
      .save(
        em
          .getRepository(BodyMember)
          .create({ bodyId: body.id, personId: input.personId, boardId: input.boardId ?? null }),
      );
  }
}

/** The domain decides whether a rule is coherent; its field names are relative to the rule. */
function checkedVotingRule(dto: VotingRuleDto): VotingRule {
  const rule: VotingRule = {
    weighting: dto.weighting,
    quorum: dto.quorum
      ? {
          basis: dto.quorum.basis,
          numerator: dto.quorum.numerator,
          denominator: dto.quorum.denominator,
        }
      : null,
    majority: {
      basis: dto.majority.basis,
      strict: dto.majority.strict,
      numerator: dto.majority.numerator,
      denominator: dto.majority.denominator,
    },
    abstentions: dto.abstentions,
  };
  try {
    validateVotingRule(rule);
  } catch (err) {
    if (err instanceof DomainError) {
      const field = !err.field || err.field === 'rule' ? 'votingRule' : `votingRule.${err.field}`;
      throw new DomainError(err.code, err.message, field, err.text);
    }
    throw err;
  }
  return rule;
}
