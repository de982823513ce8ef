import type { DecisionKind, VotingRule } from '@jaarcyclus/domain';
import type { Db } from './db';

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

/** Governing and advisory bodies and their members. */
export class BodyRepository {
  constructor(private readonly db: Db) {}

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
}
