import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCents, says } from '../../common/validation';

export class ProposalDto {
  @ApiPropertyOptional({
    description: 'An uploaded document (POST /api/documents)',
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID('4', says('validation.notUuid'))
  documentId?: string;

  @ApiPropertyOptional({ example: 'https://intranet.example/begroting-2027.pdf' })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, says('validation.notHttpUrl'))
  url?: string;

  @ApiProperty({ example: 'Concept v1', maxLength: 100 })
  @IsString(says('validation.notText'))
  @MinLength(1, says('validation.empty'))
  @MaxLength(100, says('validation.tooLong', { max: 100 }))
  versionLabel!: string;
}

export class AllocationFiguresDto {
  @ApiProperty({ description: 'Variable amount per pupil, in euro cents', example: 18500 })
  @IsCents(0)
  amountPerPupilCents!: number;

  @ApiProperty({
    description: 'Current equity (eigen vermogen), in euro cents; may be negative',
    example: 25000000,
  })
  @IsInt(says('validation.notCents'))
  equityCents!: number;

  @ApiProperty({
    description: 'Gross turnover, in euro cents (base of the 2% reserve target)',
    example: 1500000000,
  })
  @IsCents(1)
  turnoverCents!: number;
}

/** Start (or preview) "Begroting <year>". Every date is an ISO 8601 instant; defaults come from the calendar. */
export class StartBudgetCycleDto {
  @ApiProperty({
    example: 2027,
    description: 'The calendar year the budget is for (voted on in December of the year before)',
  })
  @IsInt(says('validation.notAYear', { example: 2027 }))
  @Min(2020, says('validation.yearTooEarly', { min: 2020 }))
  @Max(2100, says('validation.yearTooLate', { max: 2100 }))
  budgetYear!: number;

  @ApiPropertyOptional({ example: 'Begroting 2027' })
  @IsOptional()
  @IsString(says('validation.notAString'))
  @MinLength(1, says('validation.empty'))
  @MaxLength(200, says('validation.tooLong', { max: 200 }))
  title?: string;

  @ApiProperty({ type: ProposalDto })
  @IsObject(says('validation.notAnObject'))
  @ValidateNested(says('validation.notNested'))
  @Type(() => ProposalDto)
  proposal!: ProposalDto;

  @ApiProperty({ type: AllocationFiguresDto })
  @IsObject(says('validation.notAnObject'))
  @ValidateNested(says('validation.notNested'))
  @Type(() => AllocationFiguresDto)
  allocation!: AllocationFiguresDto;

  @ApiPropertyOptional({
    example: '2026-12-11T17:00:00+01:00',
    description: 'Default: last business day on or before 12 December, 17:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, says('validation.notDateTime'))
  voteDeadline?: string;

  @ApiPropertyOptional({
    example: '2026-12-15T09:00:00+01:00',
    description: 'Default: first business day on or after 15 December, 09:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, says('validation.notDateTime'))
  lettersDate?: string;

  @ApiPropertyOptional({
    example: [7, 2],
    description:
      'Business days before the deadline; default from the organisation settings, else [7, 2]',
  })
  @IsOptional()
  @IsArray(says('validation.notAListOfNumbers'))
  @ArrayMaxSize(10, says('validation.tooManyOffsets', { max: 10 }))
  @IsInt(says('validation.mustHoldWholeNumbers', { example: '7, 2' }, { each: true }))
  @Min(1, says('validation.numberTooSmall', { min: 1 }, { each: true }))
  @Max(60, says('validation.numberTooLarge', { max: 60 }, { each: true }))
  reminderOffsetsBusinessDays?: number[];

  @ApiPropertyOptional({
    example: ['alv', 'rvt', 'opr'],
    description:
      "Keys of the SWV's bodies that decide; default: every body of the SWV that approves (goedkeuring) or consents (instemming). Refused (422) when none approves or a body has no active members.",
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

export class CastVoteDto {
  @ApiProperty({ example: 'alv' })
  @Matches(/^[a-z][a-z0-9_-]{0,39}$/, says('validation.bodyKey'))
  bodyKey!: string;

  @ApiProperty({ enum: ['for', 'against', 'abstain'] })
  @IsIn(['for', 'against', 'abstain'], says('validation.voteValue'))
  value!: 'for' | 'against' | 'abstain';

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString(says('validation.notText'))
  @MaxLength(2000, says('validation.tooLong', { max: 2000 }))
  comment?: string;
}

export class BodySelectorDto {
  @ApiPropertyOptional({ example: 'opr', description: 'Omitted: every open body of the round' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_-]{0,39}$/, says('validation.bodyKey'))
  bodyKey?: string;
}

export class ExtendDeadlineDto extends BodySelectorDto {
  @ApiProperty({ example: '2026-12-18T17:00:00+01:00' })
  @IsISO8601({ strict: true }, says('validation.notDateTime'))
  deadline!: string;
}

export class SubmitRevisionDto {
  @ApiProperty({ type: ProposalDto })
  @IsObject(says('validation.notAnObject'))
  @ValidateNested(says('validation.notNested'))
  @Type(() => ProposalDto)
  proposal!: ProposalDto;

  @ApiPropertyOptional({ example: '2027-01-15T17:00:00+01:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, says('validation.notDateTime'))
  deadline?: string;
}
