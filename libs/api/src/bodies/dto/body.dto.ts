import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import {
  effectiveVoteSecrecy,
  VOTE_SECRECY_VALUES,
  type VoteSecrecy,
  type VotingRule,
} from '@jaarcyclus/domain';
import {
  DECISION_KINDS,
  type Body,
  type BodyMember,
  type DecisionKind,
} from '@jaarcyclus/persistence';
import { IsName, IsOptionalNotNull, IsOptionalOrNull, says } from '../../common/validation';
import { VotingRuleDto } from './voting-rule.dto';

export class AddBodyMemberDto {
  @ApiProperty({ format: 'uuid', description: 'A person of this organisation' })
  @IsUUID('all', says('validation.notUuid'))
  personId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description:
      "The board this member represents; required when votes weigh by pupil count (its pupil count is the member's weight)",
  })
  @IsOptionalOrNull()
  @IsUUID('all', says('validation.notUuid'))
  boardId?: string | null;
}

export class CreateBodyDto {
  @ApiProperty({
    example: 'alv',
    description:
      "Stable key the cycles refer to, e.g. 'alv', 'rvt', 'opr', 'ab'. Cannot be changed later.",
  })
  @Matches(/^[a-z][a-z0-9_-]{0,39}$/, says('validation.newBodyKey'))
  key!: string;

  @ApiProperty({ example: 'Algemene Ledenvergadering', maxLength: 200 })
  @IsName()
  name!: string;

  @ApiProperty({
    enum: DECISION_KINDS,
    description: 'goedkeuring (approval), instemming (consent) or advies (advice)',
  })
  @IsIn(DECISION_KINDS, says('validation.notOneOf', { options: DECISION_KINDS.join(', ') }))
  decisionKind!: DecisionKind;

  @ApiProperty({ type: VotingRuleDto })
  @IsObject(says('validation.notAnObject'))
  @ValidateNested(says('validation.notNested'))
  @Type(() => VotingRuleDto)
  votingRule!: VotingRuleDto;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptionalOrNull()
  @IsUUID('all', says('validation.notUuid'))
  chairPersonId?: string | null;

  @ApiPropertyOptional({
    enum: VOTE_SECRECY_VALUES,
    nullable: true,
    description:
      "Who sees which votes: 'open' (the office, the director and the chair see each vote and comment), 'totals_after_close' (nobody sees votes or totals while the round is open; afterwards as open), 'secret' (never a vote by name; totals after close; comments without names for the secretariat and the chair). Null or absent: the default of the decision kind (goedkeuring totals_after_close, instemming secret, advies open).",
  })
  @IsOptionalOrNull()
  @IsIn(
    VOTE_SECRECY_VALUES,
    says('validation.notOneOf', { options: VOTE_SECRECY_VALUES.join(', ') }),
  )
  voteSecrecy?: VoteSecrecy | null;

  @ApiPropertyOptional({
    type: [AddBodyMemberDto],
    description: 'Members created together with the body: all or none',
  })
  @IsOptionalNotNull()
  @IsArray(says('validation.notAnArray'))
  @ArrayMaxSize(500, says('validation.atMostEntries', { max: 500 }))
  @ValidateNested(says('validation.notNestedEach', {}, { each: true }))
  @Type(() => AddBodyMemberDto)
  members?: AddBodyMemberDto[];
}

/** The key is not editable: running cycles refer to bodies by key. */
export class UpdateBodyDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull()
  @IsName()
  name?: string;

  @ApiPropertyOptional({ enum: DECISION_KINDS })
  @IsOptionalNotNull()
  @IsIn(DECISION_KINDS, says('validation.notOneOf', { options: DECISION_KINDS.join(', ') }))
  decisionKind?: DecisionKind;

  @ApiPropertyOptional({ type: VotingRuleDto })
  @IsOptionalNotNull()
  @IsObject(says('validation.notAnObject'))
  @ValidateNested(says('validation.notNested'))
  @Type(() => VotingRuleDto)
  votingRule?: VotingRuleDto;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptionalOrNull()
  @IsUUID('all', says('validation.notUuid'))
  chairPersonId?: string | null;

  @ApiPropertyOptional({
    enum: VOTE_SECRECY_VALUES,
    nullable: true,
    description:
      "Who sees which votes: 'open' (the office, the director and the chair see each vote and comment), 'totals_after_close' (nobody sees votes or totals while the round is open; afterwards as open), 'secret' (never a vote by name; totals after close; comments without names for the secretariat and the chair). Null or absent: the default of the decision kind (goedkeuring totals_after_close, instemming secret, advies open).",
  })
  @IsOptionalOrNull()
  @IsIn(
    VOTE_SECRECY_VALUES,
    says('validation.notOneOf', { options: VOTE_SECRECY_VALUES.join(', ') }),
  )
  voteSecrecy?: VoteSecrecy | null;
}

export class BodyDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  key!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: DECISION_KINDS })
  decisionKind!: DecisionKind;

  @ApiProperty({ type: VotingRuleDto })
  votingRule!: VotingRule;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  chairPersonId!: string | null;

  @ApiProperty({
    enum: VOTE_SECRECY_VALUES,
    description: 'The rule that applies (its own, or the default of its decision kind)',
  })
  voteSecrecy!: VoteSecrecy;

  @ApiProperty({
    description: 'Whether voteSecrecy is the default of its decision kind (no setting of its own)',
  })
  voteSecrecyDefault!: boolean;

  static from(b: Body): BodyDto {
    return {
      id: b.id,
      key: b.key,
      name: b.name,
      decisionKind: b.decisionKind,
      votingRule: b.votingRule,
      chairPersonId: b.chairPersonId,
      voteSecrecy: effectiveVoteSecrecy(b.voteSecrecy, b.decisionKind),
      voteSecrecyDefault: b.voteSecrecy === null,
    };
  }
}

export class BodyMemberDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  personId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  boardId!: string | null;

  static from(m: BodyMember, person: { name: string; email: string }): BodyMemberDto {
    return {
      id: m.id,
      personId: m.personId,
      name: person.name,
      email: person.email,
      boardId: m.boardId,
    };
  }
}
