import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DISPUTE_OUTCOMES, type DisputeOutcome } from '@jaarcyclus/workflows';
import { says } from '../../common/validation';
import { ProposalDto } from '../../budget/dto/budget.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class StartSupportPlanCycleDto {
  @ApiProperty({
    example: 2027,
    description:
      'Calendar year in which the plan’s first school year starts (1 August); the plan runs four years',
  })
  @IsInt(says('validation.notAWholeNumber', { example: '2027' }))
  @Min(2015, says('validation.numberTooSmall', { min: 2015 }))
  @Max(2200, says('validation.numberTooLarge', { max: 2200 }))
  firstYear!: number;

  @ApiPropertyOptional({ example: 'Ondersteuningsplan 2027–2031', maxLength: 200 })
  @IsOptional()
  @IsString(says('validation.notText'))
  @MinLength(1, says('validation.empty'))
  @MaxLength(200, says('validation.tooLong', { max: 200 }))
  title?: string;

  @ApiProperty({ type: ProposalDto })
  @ValidateNested(says('validation.notNested'))
  @Type(() => ProposalDto)
  proposal!: ProposalDto;

  @ApiPropertyOptional({
    example: '2027-02-26T17:00:00+01:00',
    description: 'Default: the last business day before 1 March of firstYear, 17:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, says('validation.notDateTime'))
  voteDeadline?: string;

  @ApiPropertyOptional({
    example: ['opr', 'alv', 'rvt'],
    description:
      'Bodies that decide; default every body of the SWV that consents (instemming) or approves (goedkeuring)',
  })
  @IsOptional()
  @IsArray(says('validation.bodyKeysList'))
  @ArrayMinSize(1, says('validation.bodyKeysEmpty'))
  @Matches(/^[a-z][a-z0-9_-]{0,39}$/, says('validation.bodyKeysFormat', {}, { each: true }))
  bodyKeys?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Default: the person with role director' })
  @IsOptional()
  @IsUUID('4', says('validation.notUuid'))
  directorPersonId?: string;
}

export class ReferDisputeDto {
  @ApiProperty({
    example: '2027-03-10',
    description:
      'The day the dispute was submitted to the Commissie voor Geschillen Medezeggenschap',
  })
  @Matches(DATE, says('cycles.dateInvalid'))
  referredOn!: string;

  @ApiPropertyOptional({
    example: '108765',
    maxLength: 100,
    description: 'The Commissie’s case number',
  })
  @IsOptional()
  @IsString(says('validation.notText'))
  @MaxLength(100, says('validation.tooLong', { max: 100 }))
  caseReference?: string;
}

export class ResolveDisputeDto {
  @ApiProperty({ enum: DISPUTE_OUTCOMES })
  @IsIn([...DISPUTE_OUTCOMES], says('cycles.outcomeInvalid'))
  outcome!: DisputeOutcome;

  @ApiProperty({ example: '2027-05-20', description: 'The day of the Commissie’s ruling' })
  @Matches(DATE, says('cycles.dateInvalid'))
  decidedOn!: string;
}
