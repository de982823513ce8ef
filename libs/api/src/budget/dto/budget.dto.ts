import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
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
import { IsNonNegativeInt, IsPositiveInt } from '../../common/validation';

export class ProposalDto {
  @ApiPropertyOptional({
    description: 'An uploaded document (POST /api/documents)',
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID('4', { message: 'documentId must be a UUID' })
  documentId?: string;

  @ApiPropertyOptional({ example: 'https://intranet.example/begroting-2027.pdf' })
  @IsOptional()
  @IsUrl(
    { require_protocol: true, protocols: ['http', 'https'] },
    { message: 'url must be an http(s) URL' },
  )
  url?: string;

  @ApiProperty({ example: 'Concept v1', maxLength: 100 })
  @IsString({ message: 'versionLabel must be text' })
  @MinLength(1, { message: 'versionLabel must not be empty' })
  @MaxLength(100, { message: 'versionLabel must be at most 100 characters' })
  versionLabel!: string;
}

export class AllocationFiguresDto {
  @ApiProperty({ description: 'Variable amount per pupil, in euro cents', example: 18500 })
  @IsNonNegativeInt()
  amountPerPupilCents!: number;

  @ApiProperty({
    description: 'Current equity (eigen vermogen), in euro cents; may be negative',
    example: 25000000,
  })
  @IsInt({ message: 'equityCents must be an integer number of cents' })
  equityCents!: number;

  @ApiProperty({
    description: 'Gross turnover, in euro cents (base of the 2% reserve target)',
    example: 1500000000,
  })
  @IsPositiveInt()
  turnoverCents!: number;
}

/** Start (or preview) "Begroting <year>". Every date is an ISO 8601 instant; defaults come from the calendar. */
export class StartBudgetCycleDto {
  @ApiProperty({
    example: 2027,
    description: 'The calendar year the budget is for (voted on in December of the year before)',
  })
  @IsInt({ message: 'budgetYear must be a whole year' })
  @Min(2020, { message: 'budgetYear must be 2020 or later' })
  @Max(2100, { message: 'budgetYear must be 2100 or earlier' })
  budgetYear!: number;

  @ApiPropertyOptional({ example: 'Begroting 2027' })
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title?: string;

  @ApiProperty({ type: ProposalDto })
  @ValidateNested()
  @Type(() => ProposalDto)
  proposal!: ProposalDto;

  @ApiProperty({ type: AllocationFiguresDto })
  @ValidateNested()
  @Type(() => AllocationFiguresDto)
  allocation!: AllocationFiguresDto;

  @ApiPropertyOptional({
    example: '2026-12-11T17:00:00+01:00',
    description: 'Default: last business day on or before 12 December, 17:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'voteDeadline must be an ISO 8601 date-time' })
  voteDeadline?: string;

  @ApiPropertyOptional({
    example: '2026-12-15T09:00:00+01:00',
    description: 'Default: first business day on or after 15 December, 09:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'lettersDate must be an ISO 8601 date-time' })
  lettersDate?: string;

  @ApiPropertyOptional({
    example: [7, 2],
    description:
      'Business days before the deadline; default from the organisation settings, else [7, 2]',
  })
  @IsOptional()
  @IsArray({ message: 'reminderOffsetsBusinessDays must be a list of numbers' })
  @ArrayMinSize(0)
  @ArrayMaxSize(10, { message: 'reminderOffsetsBusinessDays may hold at most 10 offsets' })
  @IsInt({ each: true, message: 'reminderOffsetsBusinessDays must hold whole numbers' })
  @Min(1, { each: true, message: 'reminderOffsetsBusinessDays must be at least 1' })
  @Max(60, { each: true, message: 'reminderOffsetsBusinessDays must be at most 60' })
  reminderOffsetsBusinessDays?: number[];

  @ApiPropertyOptional({
    example: ['alv', 'rvt', 'opr'],
    description: 'Body keys that decide; default alv, rvt, opr',
  })
  @IsOptional()
  @IsArray({ message: 'bodyKeys must be a list of body keys' })
  @ArrayMinSize(1, { message: 'bodyKeys must name at least one body' })
  @Matches(/^[a-z][a-z0-9_-]{0,39}$/, {
    each: true,
    message: 'bodyKeys must hold body keys such as alv',
  })
  bodyKeys?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Default: the person with role director' })
  @IsOptional()
  @IsUUID('4', { message: 'directorPersonId must be a UUID' })
  directorPersonId?: string;
}

export class CastVoteDto {
  @ApiProperty({ example: 'alv' })
  @Matches(/^[a-z][a-z0-9_-]{0,39}$/, { message: 'bodyKey must be a body key such as alv' })
  bodyKey!: string;

  @ApiProperty({ enum: ['for', 'against', 'abstain'] })
  @IsIn(['for', 'against', 'abstain'], { message: 'value must be one of for, against, abstain' })
  value!: 'for' | 'against' | 'abstain';

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString({ message: 'comment must be text' })
  @MaxLength(2000, { message: 'comment must be at most 2000 characters' })
  comment?: string;
}

export class BodySelectorDto {
  @ApiPropertyOptional({ example: 'opr', description: 'Omitted: every open body of the round' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_-]{0,39}$/, { message: 'bodyKey must be a body key such as alv' })
  bodyKey?: string;
}

export class ExtendDeadlineDto extends BodySelectorDto {
  @ApiProperty({ example: '2026-12-18T17:00:00+01:00' })
  @IsISO8601({ strict: true }, { message: 'deadline must be an ISO 8601 date-time' })
  deadline!: string;
}

export class SubmitRevisionDto {
  @ApiProperty({ type: ProposalDto })
  @ValidateNested()
  @Type(() => ProposalDto)
  proposal!: ProposalDto;

  @ApiPropertyOptional({ example: '2027-01-15T17:00:00+01:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'deadline must be an ISO 8601 date-time' })
  deadline?: string;
}
