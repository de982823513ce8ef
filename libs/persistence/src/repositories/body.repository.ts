import type { DecisionKind, VoteSecrecy, VotingRule } from '@jaarcyclus/domain';
import { BodyMember } from '../entities/body-member.entity';
import { Body } from '../entities/body.entity';
import type { Db } from './db';
import { TenantRecords } from './tenant-records';

export interface BodyWithChair {
  id: string;
  key: string;
  name: string;
  decisionKind: DecisionKind;
  votingRule: VotingRule;
  chairPersonId: string | null;
  chairName: string | null;
}

export interface BodyMemberRow {
  bodyId: string;
  personId: string;
  name: string;
  /** The board the member represents (ALV), else null. */
  boardId: string | null;
  /** That board's pupil count now (the ALV weight), else null. */
  pupilCount: number | null;
}

/** A membership with the member's name and address, as the body's member list shows it. */
export interface BodyMemberWithPerson {
  member: BodyMember;
  person: { name: string; email: string };
}

/**
 * Governing and advisory bodies and their members; the bodies as master data (list, get,
 * create, update, delete; see TenantRecords), scoped by organisation.
 */
export class BodyRepository extends TenantRecords<Body> {
  constructor(db: Db) {
    super(db, Body);
  }

  /** The tenant's bodies with these keys (unknown keys are simply absent), with their chair's name. */
  async findByKeys(organisationId: string, keys: readonly string[]): Promise<BodyWithChair[]> {
    const rows = (await this.db.query(
      `SELECT b.id, b.key, b.name, b.decision_kind, b.voting_rule, b.chair_person_id, c.name AS chair_name
         FROM body b LEFT JOIN person c ON c.id = b.chair_person_id
        WHERE b.organisation_id = $1 AND b.key = ANY($2::text[])`,
      [organisationId, keys],
    )) as {
      id: string;
      key: string;
      name: string;
      decision_kind: DecisionKind;
      voting_rule: VotingRule;
      chair_person_id: string | null;
      chair_name: string | null;
    }[];
    return rows.map((b) => ({
      id: b.id,
      key: b.key,
      name: b.name,
      decisionKind: b.decision_kind,
      votingRule: b.voting_rule,
      chairPersonId: b.chair_person_id,
      chairName: b.chair_name,
    }));
  }

  /** The active members of the given bodies, by name. */
  async activeMembers(bodyIds: readonly string[]): Promise<BodyMemberRow[]> {
    const rows = (await this.db.query(
      `SELECT m.body_id, p.id AS person_id, p.name, m.board_id, sb.pupil_count
         FROM body_member m
         JOIN person p ON p.id = m.person_id
         LEFT JOIN school_board sb ON sb.id = m.board_id
        WHERE m.body_id = ANY($1::uuid[]) AND p.active
        ORDER BY p.name, p.id`,
      [bodyIds],
    )) as {
      body_id: string;
      person_id: string;
      name: string;
      board_id: string | null;
      pupil_count: number | null;
    }[];
    return rows.map((m) => ({
      bodyId: m.body_id,
      personId: m.person_id,
      name: m.name,
      boardId: m.board_id,
      pupilCount: m.pupil_count,
    }));
  }

  /** Every body of the tenant with its number of active members (what a cycle start checks). */
  async withActiveMemberCounts(
    organisationId: string,
  ): Promise<{ key: string; name: string; decisionKind: DecisionKind; activeMembers: number }[]> {
    const rows = (await this.db.query(
      `SELECT b.key, b.name, b.decision_kind, count(p.id)::int AS active_members
         FROM body b
         LEFT JOIN body_member m ON m.body_id = b.id
         LEFT JOIN person p ON p.id = m.person_id AND p.active
        WHERE b.organisation_id = $1
        GROUP BY b.id
        ORDER BY b.name, b.key`,
      [organisationId],
    )) as { key: string; name: string; decision_kind: DecisionKind; active_members: number }[];
    return rows.map((r) => ({
      key: r.key,
      name: r.name,
      decisionKind: r.decision_kind,
      activeMembers: r.active_members,
    }));
  }

  /** Each body's vote secrecy setting (null: the default of its decision kind), by key. */
  async secrecySettings(
    organisationId: string,
  ): Promise<{ key: string; decisionKind: DecisionKind; voteSecrecy: VoteSecrecy | null }[]> {
    const rows = (await this.db.query(
      `SELECT key, decision_kind, vote_secrecy FROM body WHERE organisation_id = $1`,
      [organisationId],
    )) as { key: string; decision_kind: DecisionKind; vote_secrecy: VoteSecrecy | null }[];
    return rows.map((r) => ({
      key: r.key,
      decisionKind: r.decision_kind,
      voteSecrecy: r.vote_secrecy,
    }));
  }

  /** Records the rule a body had until now, when its vote secrecy changes (see secrecyHistory). */
  async recordSecrecyChange(
    organisationId: string,
    bodyKey: string,
    previous: VoteSecrecy,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO body_vote_secrecy_change (organisation_id, body_key, previous) VALUES ($1, $2, $3)`,
      [organisationId, bodyKey, previous],
    );
  }

  /** The rules the tenant's bodies had before each change, and until when, oldest first. */
  async secrecyHistory(
    organisationId: string,
  ): Promise<{ bodyKey: string; previous: VoteSecrecy; changedAt: Date }[]> {
    const rows = (await this.db.query(
      `SELECT body_key, previous, changed_at FROM body_vote_secrecy_change
        WHERE organisation_id = $1 ORDER BY changed_at, id`,
      [organisationId],
    )) as { body_key: string; previous: VoteSecrecy; changed_at: Date }[];
    return rows.map((r) => ({
      bodyKey: r.body_key,
      previous: r.previous,
      changedAt: new Date(r.changed_at),
    }));
  }

  /** The tenant's bodies that decide with one of `kinds`, by decision kind and name. */
  async withDecisionKinds(
    organisationId: string,
    kinds: readonly DecisionKind[],
  ): Promise<{ name: string; decisionKind: DecisionKind }[]> {
    const rows = (await this.db.query(
      `SELECT name, decision_kind FROM body
        WHERE organisation_id = $1 AND decision_kind = ANY($2::text[])
        ORDER BY decision_kind, name`,
      [organisationId, kinds],
    )) as { name: string; decision_kind: DecisionKind }[];
    return rows.map((r) => ({ name: r.name, decisionKind: r.decision_kind }));
  }

  /** The body's members with their name and address, in membership order (the tenant's persons only). */
  async membersWithPersons(
    organisationId: string,
    bodyId: string,
  ): Promise<BodyMemberWithPerson[]> {
    const rows = (await this.db.query(
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
    return rows.map((r) => ({
      member: Object.assign(new BodyMember(), {
        id: r.id,
        bodyId: r.body_id,
        personId: r.person_id,
        boardId: r.board_id,
      }),
      person: { name: r.name, email: r.email },
    }));
  }

  /** How many of the body's members represent no board. */
  async countMembersWithoutBoard(bodyId: string): Promise<number> {
    const rows = (await this.db.query(
      `SELECT count(*)::int AS n FROM body_member WHERE body_id = $1 AND board_id IS NULL`,
      [bodyId],
    )) as { n: number }[];
    return rows[0]?.n ?? 0;
  }

  /** Whether a member of the body represents this board already. */
  isBoardRepresented(bodyId: string, boardId: string): Promise<boolean> {
    return this.db.getRepository(BodyMember).exists({ where: { bodyId, boardId } });
  }

  /** Adds the member (a person, for a board or none) and returns the stored membership. */
  addMember(member: {
    bodyId: string;
    personId: string;
    boardId: string | null;
  }): Promise<BodyMember> {
    const members = this.db.getRepository(BodyMember);
    return members.save(members.create(member));
  }

  /** Removes the body's membership; false when the body has no such member. */
  async removeMember(bodyId: string, memberId: string): Promise<boolean> {
    const result = await this.db.getRepository(BodyMember).delete({ id: memberId, bodyId });
    return !!result.affected;
  }
}
