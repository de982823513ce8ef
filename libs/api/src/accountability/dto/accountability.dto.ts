import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Allow,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Transform } from 'class-transformer';
import {
  SCHOOL_ACCOUNTABILITY_STATUSES,
  type SchoolAccountabilityStatus,
} from '@jaarcyclus/domain';
import { IsName, says } from '../../common/validation';

/** An instant with an explicit offset: a deadline must not depend on the server's time zone. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A new version of the tenant's format. The shape is checked by the domain's `validateFormat`
 * (422 naming every offending field), not here: the version is assigned by the server.
 */
export class PublishAccountabilityFormatDto {
  @ApiProperty({
    description: 'Income lines: { key, label, required }',
    example: [{ key: 'swv_vast_bedrag', label: 'Vast bedrag', required: true }],
  })
  @Allow()
  incomeLines!: unknown;

  @ApiProperty({
    description: 'Expense lines: { key, label, category, required }',
    example: [
      {
        key: 'personeel_extra_ondersteuning',
        label: 'Personeel extra ondersteuning',
        category: 'extra_ondersteuning',
        required: true,
      },
    ],
  })
  @Allow()
  expenseLines!: unknown;

  @ApiProperty({
    description: 'How the appendix FTE relates to the extra-support FTE',
    example: { fteRule: 'equal_to_extra_support_fte', extraSupportCategory: 'extra_ondersteuning' },
  })
  @Allow()
  appendix!: unknown;

  @ApiPropertyOptional({
    description:
      'The version this one was edited from. When given and another version was published since, ' +
      'the format is refused with 409, so that a colleague’s changes are not overwritten unseen.',
    example: 1,
  })
  @IsOptional()
  @IsInt(says('validation.notAnInteger'))
  @Min(1, says('validation.notLessThan', { min: 1 }))
  baseVersion?: number;
}

/** Start "Verantwoording <year>" (docs/domain.md, source 001 §7.4). Defaults: every regular school, 1 February. */
export class StartAccountabilityCycleDto {
  @ApiProperty({
    example: 2026,
    description: 'The calendar year accounted for; the deadline is 1 February of the next year',
  })
  @IsInt(says('validation.notAYear', { example: 2026 }))
  @Min(2015, says('validation.yearTooEarly', { min: 2015 }))
  @Max(2100, says('validation.yearTooLate', { max: 2100 }))
  accountingYear!: number;

  @ApiPropertyOptional({
    description: 'Regular schools of this SWV that must account; default all of them',
    type: [String],
    format: 'uuid',
  })
  @IsOptional()
  @IsArray(says('validation.schoolIdsList'))
  @ArrayMinSize(1, says('validation.schoolIdsEmpty'))
  @ArrayMaxSize(20_000, says('validation.schoolIdsTooMany', { max: 20000 }))
  @IsUUID('all', says('validation.schoolIdsUuids', {}, { each: true }))
  schoolIds?: string[];

  @ApiPropertyOptional({
    example: '2027-02-01T23:59:59+01:00',
    description: 'Default: the end of 1 February of the next year (Amsterdam)',
  })
  @IsOptional()
  @IsString(says('validation.notInstantExample'))
  @Matches(INSTANT, says('validation.notInstantExample'))
  deadline?: string;

  @ApiPropertyOptional({
    example: [14, 7, 1],
    description:
      "Business days before the deadline on which reminders go out (09:00); default: the SWV's setting accountabilityReminderOffsetsBusinessDays, else 14, 7 and 1",
  })
  @IsOptional()
  @IsArray(says('validation.notAListOfNumbers'))
  @ArrayMaxSize(10, says('validation.tooManyEntries', { max: 10 }))
  @IsInt(says('validation.mustContainWholeNumbers', { example: '14, 7, 1' }, { each: true }))
  @Min(1, says('validation.numberTooSmall', { min: 1 }, { each: true }))
  @Max(60, says('validation.numberTooLarge', { max: 60 }, { each: true }))
  reminderOffsetsBusinessDays?: number[];

  @ApiPropertyOptional({ example: 'Verantwoording 2026' })
  @IsOptional()
  @IsName(200)
  title?: string;
}

/**
 * A school's figures as the form sends them: amounts and FTE as numbers or Dutch/plain text
 * ('1.234,56', '0,8'). Checked against the cycle's format by the domain's `validateSubmission`.
 */
export class AccountabilityFiguresDto {
  @ApiPropertyOptional({
    description: 'Income lines: { lineKey, amount }',
    example: [{ lineKey: 'swv_vast_bedrag', amount: '58.000,00' }],
  })
  @Allow()
  income?: unknown;

  @ApiPropertyOptional({
    description: 'Expense lines: { lineKey, fte, amount }',
    example: [{ lineKey: 'personeel_extra_ondersteuning', fte: '1,5', amount: '110000' }],
  })
  @Allow()
  expenses?: unknown;

  @ApiPropertyOptional({
    description: 'Which extra support is delivered: { description, fte, targetGroup }',
    example: [
      { description: 'Ambulante begeleiding', fte: '1,5', targetGroup: 'Leerlingen met TOS' },
    ],
  })
  @Allow()
  appendix?: unknown;
}

export class ReviewAccountabilityDto {
  @ApiProperty({ enum: ['accept', 'return'] })
  @IsIn(['accept', 'return'], says('validation.reviewDecision'))
  decision!: 'accept' | 'return';

  @ApiPropertyOptional({ description: 'Required when returning: what the school must correct' })
  @IsOptional()
  @IsString(says('validation.notText'))
  @MaxLength(4000, says('validation.tooLong', { max: 4000 }))
  comments?: string;

  @ApiPropertyOptional({
    description: 'The version reviewed; refused (409) when a newer one arrived meanwhile',
  })
  @IsOptional()
  @IsInt(says('validation.notPositiveInteger'))
  @Min(1, says('validation.notPositiveInteger'))
  version?: number;
}

export class ExtendSchoolDeadlineDto {
  @ApiProperty({ example: '2027-02-15T23:59:59+01:00' })
  @IsString(says('validation.notInstantExample'))
  @Matches(INSTANT, says('validation.notInstantExample'))
  deadline!: string;
}

export class WaiveSchoolDto {
  @ApiProperty({ example: 'School gefuseerd per 1 augustus' })
  @IsName(4000)
  reason!: string;
}

/**
 * Which schools the overview (and its CSV) lists: by status (one or more, comma-separated), by
 * board, by a part of the school's name. Every filter is optional; the counts per status stay
 * those of the whole cycle.
 */
export class OverviewFilterDto {
  @ApiPropertyOptional({
    example: 'late,returned',
    description: `Comma-separated statuses: ${SCHOOL_ACCOUNTABILITY_STATUSES.join(', ')}`,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : value,
  )
  @IsArray(says('validation.statusList'))
  @IsIn(
    SCHOOL_ACCOUNTABILITY_STATUSES as SchoolAccountabilityStatus[],
    says(
      'validation.statusOneOf',
      { options: SCHOOL_ACCOUNTABILITY_STATUSES.join(', ') },
      { each: true },
    ),
  )
  status?: SchoolAccountabilityStatus[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the schools of this board' })
  @IsOptional()
  @IsUUID('all', says('validation.notUuid'))
  boardId?: string;

  @ApiPropertyOptional({ example: 'college', description: 'A part of the school name (any case)' })
  @IsOptional()
  @IsString(says('validation.notText'))
  @MaxLength(100, says('validation.tooLong', { max: 100 }))
  q?: string;
}

/** "Herinner alle late scholen": the id of the request makes a repeated request change nothing. */
export class RemindLateSchoolsDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Chosen by the client once per intended action (e.g. per rendered form): the same id again reminds no school a second time. Without it, this request is its own.',
  })
  @IsOptional()
  @IsUUID('all', says('validation.notUuid'))
  requestId?: string;
}

/** A reply in the conversation on a school's accountability. */
export class AccountabilityCommentDto {
  @ApiProperty({ example: 'De materiële kosten zijn de licenties van het leerlingvolgsysteem.' })
  @IsName(4000)
  comment!: string;
}
