import { Injectable } from '@nestjs/common';
import {
  DomainError,
  effectiveVoteSecrecy,
  validateVotingRule,
  type VotingRule,
} from '@jaarcyclus/domain';
import {
  type Body,
  type BodyMember,
  type BodyMemberWithPerson,
  BodyRepository,
  Repositories,
} from '@jaarcyclus/persistence';
import {
  assertInTenant,
  compareNames,
  definedOnly,
  notFound,
  sortByName,
} from '../common/tenant-references';
import type { AddBodyMemberDto, CreateBodyDto, UpdateBodyDto } from './dto/body.dto';
import type { VotingRuleDto } from './dto/voting-rule.dto';

export type MemberWithPerson = BodyMemberWithPerson;

/**
 * Governing and advisory bodies of one SWV and their members. Governance differs per SWV, so
 * bodies and voting rules are data (docs/domain.md glossary). Every query is scoped to the caller's
 * organisation; member changes lock the body row so concurrent additions see each other.
 */
@Injectable()
export class BodiesService {
  constructor(
    private readonly bodies: BodyRepository,
    private readonly repos: Repositories,
  ) {}

  async list(organisationId: string): Promise<Body[]> {
    return sortByName(await this.bodies.list(organisationId));
  }

  get(organisationId: string, id: string): Promise<Body> {
    return this.find(this.repos, organisationId, id);
  }

  /** Creates the body and its members in one transaction: all of them, or nothing. */
  async create(organisationId: string, input: CreateBodyDto): Promise<Body> {
    const votingRule = checkedVotingRule(input.votingRule);
    return this.repos.transaction(async (tx) => {
      await assertInTenant(
        tx.persons,
        organisationId,
        input.chairPersonId,
        'chairPersonId',
        'a person',
      );
      const body = await tx.bodies.save(
        tx.bodies.create({
          organisationId,
          key: input.key,
          name: input.name,
          decisionKind: input.decisionKind,
          votingRule,
          chairPersonId: input.chairPersonId ?? null,
          voteSecrecy: input.voteSecrecy ?? null,
        }),
      );
      for (const [i, member] of (input.members ?? []).entries()) {
        await this.insertMember(tx, body, member, `members[${i}].`);
      }
      return body;
    });
  }

  async update(organisationId: string, id: string, input: UpdateBodyDto): Promise<Body> {
    const patch = {
      ...definedOnly(input),
      ...(input.votingRule ? { votingRule: checkedVotingRule(input.votingRule) } : {}),
    };
    return this.repos.transaction(async (tx) => {
      const before = await this.find(tx, organisationId, id, true);
      const previousSecrecy = effectiveVoteSecrecy(before.voteSecrecy, before.decisionKind);
      const body = Object.assign(before, patch);
      await assertInTenant(
        tx.persons,
        organisationId,
        body.chairPersonId,
        'chairPersonId',
        'a person',
      );
      if (body.votingRule.weighting === 'pupil_count') {
        if ((await tx.bodies.countMembersWithoutBoard(body.id)) > 0) {
          throw DomainError.of(
            'RULE_VIOLATION',
            'votingRule.weighting',
            'refusal.weighNeedsBoards',
          );
        }
      }
      // The rule it had until now keeps protecting the rounds that ran under it.
      if (effectiveVoteSecrecy(body.voteSecrecy, body.decisionKind) !== previousSecrecy) {
        await tx.bodies.recordSecrecyChange(organisationId, body.key, previousSecrecy);
      }
      return tx.bodies.save(body);
    });
  }

  /** Removes the body with its memberships. */
  async remove(organisationId: string, id: string): Promise<void> {
    if (!(await this.bodies.delete(organisationId, id))) throw notFound('Body');
  }

  async listMembers(organisationId: string, bodyId: string): Promise<MemberWithPerson[]> {
    await this.find(this.repos, organisationId, bodyId);
    const members = await this.bodies.membersWithPersons(organisationId, bodyId);
    return members.sort((a, b) => compareNames(a.person.name, b.person.name));
  }

  async addMember(
    organisationId: string,
    bodyId: string,
    input: AddBodyMemberDto,
  ): Promise<MemberWithPerson> {
    return this.repos.transaction(async (tx) => {
      const body = await this.find(tx, organisationId, bodyId, true);
      const member = await this.insertMember(tx, body, input, '');
      // Checked by insertMember in this transaction.
      const person = await tx.persons.get(organisationId, member.personId);
      if (!person) throw notFound('Person');
      return { member, person: { name: person.name, email: person.email } };
    });
  }

  async removeMember(organisationId: string, bodyId: string, memberId: string): Promise<void> {
    await this.find(this.repos, organisationId, bodyId);
    if (!(await this.bodies.removeMember(bodyId, memberId))) throw notFound('Body member');
  }

  /** `lock`: the body row stays locked until the transaction of `repos` ends. */
  private async find(
    repos: Repositories,
    organisationId: string,
    id: string,
    lock = false,
  ): Promise<Body> {
    const body = await repos.bodies.get(organisationId, id, { lock });
    if (!body) throw notFound('Body');
    return body;
  }

  /** `path` prefixes field names, e.g. 'members[2].' when members come with a new body. */
  private async insertMember(
    tx: Repositories,
    body: Body,
    input: AddBodyMemberDto,
    path: string,
  ): Promise<BodyMember> {
    await assertInTenant(
      tx.persons,
      body.organisationId,
      input.personId,
      `${path}personId`,
      'a person',
    );
    await assertInTenant(
      tx.boards,
      body.organisationId,
      input.boardId,
      `${path}boardId`,
      'a school board',
    );
    if (body.votingRule.weighting === 'pupil_count') {
      // The member's weight is the represented board's pupil count (docs/domain.md, source 001 §1.1): without a
      // board it has no weight, and a board represented twice would count twice.
      if (!input.boardId) {
        throw DomainError.of('VALIDATION', `${path}boardId`, 'refusal.memberNeedsBoard', {
          field: `${path}boardId`,
        });
      }
      if (await tx.bodies.isBoardRepresented(body.id, input.boardId))
        throw DomainError.of('CONFLICT', `${path}boardId`, 'refusal.boardRepresented');
    }
    return tx.bodies.addMember({
      bodyId: body.id,
      personId: input.personId,
      boardId: input.boardId ?? null,
    });
  }
}

/** The domain decides whether a rule is coherent; its field names are relative to the rule. */
export function checkedVotingRule(dto: VotingRuleDto): VotingRule {
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
