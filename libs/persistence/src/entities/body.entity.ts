import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { VoteSecrecy, VotingRule } from '@jaarcyclus/domain';
import type { DecisionKind } from './enums';

/**
 * A governing or advisory body (ALV, RvT, OPR, Algemeen Bestuur, ...). Governance differs per
 * SWV, so bodies and their voting rules are data, not code (docs/domain.md glossary).
 */
@Entity('body')
export class Body {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  /** Stable key per organisation that workflows refer to, e.g. 'alv', 'rvt', 'opr', 'ab'. */
  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'decision_kind', type: 'text' })
  decisionKind!: DecisionKind;

  @Column({ name: 'voting_rule', type: 'jsonb' })
  votingRule!: VotingRule;

  @Column({ name: 'chair_person_id', type: 'uuid', nullable: true })
  chairPersonId!: string | null;

  /** Who sees which votes (libs/domain `voteVisibility`); null: the default of its decision kind. */
  @Column({ name: 'vote_secrecy', type: 'text', nullable: true })
  voteSecrecy!: VoteSecrecy | null;
}
