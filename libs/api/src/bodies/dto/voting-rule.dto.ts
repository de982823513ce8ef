import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, ValidateIf, ValidateNested } from 'class-validator';
import { IsPositiveInt, says } from '../../common/validation';

/**
 * The shape of the domain's VotingRule. Structure is checked here (400); whether the numbers
 * make sense together (numerator ≤ denominator, a reachable majority) is the domain's
 * validateVotingRule (422).
 */
export class QuorumDto {
  @ApiProperty({
    enum: ['members', 'weight'],
    description: 'Share of members, or of total weight, that must have voted',
  })
  @IsIn(['members', 'weight'], says('validation.notOneOf', { options: 'members, weight' }))
  basis!: 'members' | 'weight';

  @ApiProperty({ example: 1, minimum: 1 })
  @IsPositiveInt()
  numerator!: number;

  @ApiProperty({ example: 2, minimum: 1 })
  @IsPositiveInt()
  denominator!: number;
}

export class MajorityDto {
  @ApiProperty({
    enum: ['votes_cast', 'all_members'],
    description: 'Majority of the votes cast, or of all members (OPR instemming)',
  })
  @IsIn(
    ['votes_cast', 'all_members'],
    says('validation.notOneOf', { options: 'votes_cast, all_members' }),
  )
  basis!: 'votes_cast' | 'all_members';

  @ApiProperty({
    description: 'true: the for-weight must exceed the fraction; false: reaching it suffices',
  })
  @IsBoolean(says('validation.notBoolean'))
  strict!: boolean;

  @ApiProperty({ example: 1, minimum: 1 })
  @IsPositiveInt()
  numerator!: number;

  @ApiProperty({ example: 2, minimum: 1 })
  @IsPositiveInt()
  denominator!: number;
}

export class VotingRuleDto {
  @ApiProperty({
    enum: ['one_member_one_vote', 'pupil_count'],
    description:
      "pupil_count: a member weighs its board's pupil count (ALV, docs/domain.md, source 001 §1.1)",
  })
  @IsIn(
    ['one_member_one_vote', 'pupil_count'],
    says('validation.notOneOf', { options: 'one_member_one_vote, pupil_count' }),
  )
  weighting!: 'one_member_one_vote' | 'pupil_count';

  @ApiProperty({ type: QuorumDto, nullable: true, description: 'null: no quorum' })
  @ValidateIf((o: VotingRuleDto) => o.quorum !== null)
  @IsObject(says('validation.notAnObjectOrNull'))
  @ValidateNested(says('validation.notNested'))
  @Type(() => QuorumDto)
  quorum!: QuorumDto | null;

  @ApiProperty({ type: MajorityDto })
  @IsObject(says('validation.notAnObject'))
  @ValidateNested(says('validation.notNested'))
  @Type(() => MajorityDto)
  majority!: MajorityDto;

  @ApiProperty({ enum: ['excluded', 'count_against'] })
  @IsIn(
    ['excluded', 'count_against'],
    says('validation.notOneOf', { options: 'excluded, count_against' }),
  )
  abstentions!: 'excluded' | 'count_against';
}
