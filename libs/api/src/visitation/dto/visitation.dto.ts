import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Allow,
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
import { VISITATION_KINDS } from '@jaarcyclus/domain';
import { IsName, says } from '../../common/validation';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A new visitatieprogramma. Hosts, visitors and windows are checked as a whole by the domain's
 * `validateInstance` (422 naming every offending field, in the reader's language), and the
 * references (schools, people) against the tenant.
 */
export class CreateProgrammeDto {
  @ApiProperty({ example: 'Collegiale visitaties 2026-2027' })
  @IsName(200)
  title!: string;

  @ApiProperty({ example: '2026-2027' })
  @IsString(says('validation.notAString'))
  @Matches(/^\d{4}-\d{4}$/, says('validation.notAString'))
  schoolYear!: string;

  @ApiProperty({ enum: VISITATION_KINDS })
  @IsIn(VISITATION_KINDS, says('validation.notOneOf', { options: VISITATION_KINDS.join(', ') }))
  kind!: (typeof VISITATION_KINDS)[number];

  @ApiProperty({ example: 3, description: 'Team size including the chair' })
  @IsInt(says('validation.notAnInteger'))
  @Min(2, says('validation.notLessThan', { min: 2 }))
  @Max(8, says('validation.numberTooLarge', { max: 8 }))
  teamSize!: number;

  @ApiProperty({ example: 2 })
  @IsInt(says('validation.notAnInteger'))
  @Min(1, says('validation.notLessThan', { min: 1 }))
  @Max(20, says('validation.numberTooLarge', { max: 20 }))
  maxVisitsPerVisitor!: number;

  @ApiProperty({ example: [{ start: '2026-10-01', end: '2027-03-31' }] })
  @Allow()
  windows!: unknown;

  @ApiProperty({
    description:
      'Hosts: { kind: school|location|process, schoolId? (school, location), name? (location, process), contactPersonIds? }',
    example: [{ kind: 'school', schoolId: '00000000-0000-4000-8000-000000000000' }],
  })
  @Allow()
  hosts!: unknown;

  @ApiProperty({
    description: 'Visitors: { personId, trainedChair, maxVisits?, unavailable?: [date] }',
    example: [{ personId: '00000000-0000-4000-8000-000000000000', trainedChair: true }],
  })
  @Allow()
  visitors!: unknown;
}

export class ProposeDto {
  @ApiPropertyOptional({ example: 20, description: 'Seconds the solver may take (default 20)' })
  @IsOptional()
  @IsInt(says('validation.notAnInteger'))
  @Min(1, says('validation.notLessThan', { min: 1 }))
  @Max(60, says('validation.numberTooLarge', { max: 60 }))
  timeLimitSeconds?: number;
}

export class LockDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', says('validation.notUuid'))
  hostId!: string;

  @ApiPropertyOptional({ description: 'Lock the whole visit (date and team) as proposed' })
  @IsOptional()
  @IsIn([true, false], says('validation.notBoolean'))
  whole?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'Lock this visitor in this visit' })
  @IsOptional()
  @IsUUID('all', says('validation.notUuid'))
  visitorId?: string;

  @ApiPropertyOptional({ example: '2027-02-04', description: 'Lock this date' })
  @IsOptional()
  @Matches(DATE, says('validation.notDateTime'))
  date?: string;
}

export class SwapDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', says('validation.notUuid')) hostA!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', says('validation.notUuid')) visitorA!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', says('validation.notUuid')) hostB!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', says('validation.notUuid')) visitorB!: string;
}

export class MoveDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', says('validation.notUuid')) hostId!: string;
  @ApiProperty({ example: '2027-02-04' })
  @Matches(DATE, says('validation.notDateTime'))
  date!: string;
}

export class AnswerDto {
  @ApiProperty({ enum: ['confirm', 'decline'] })
  @IsIn(['confirm', 'decline'], says('validation.notOneOf', { options: 'confirm, decline' }))
  answer!: 'confirm' | 'decline';
}

export class RescheduleDto {
  @ApiProperty({ example: '2027-02-11' })
  @Matches(DATE, says('validation.notDateTime'))
  visitDate!: string;
}

export class CancelDto {
  @ApiProperty({ example: 'School gesloten wegens verbouwing' })
  @IsString(says('validation.notAString'))
  @MaxLength(1000, says('validation.tooLong', { max: 1000 }))
  reason!: string;
}

export class ReportDto {
  @ApiProperty({ enum: ['self_evaluation', 'draft_report', 'host_reaction', 'final_report'] })
  @IsIn(
    ['self_evaluation', 'draft_report', 'host_reaction', 'final_report'],
    says('validation.notOneOf', {
      options: 'self_evaluation, draft_report, host_reaction, final_report',
    }),
  )
  step!: 'self_evaluation' | 'draft_report' | 'host_reaction' | 'final_report';

  @ApiProperty({ format: 'uuid', description: 'An uploaded document (POST /api/documents)' })
  @IsUUID('all', says('validation.notUuid'))
  documentId!: string;
}

/** The steps someone owes and can be reminded of ("herinner nu"). */
export const REMINDABLE_STEPS = [
  'date_confirmation',
  'self_evaluation',
  'draft_report',
  'host_reaction',
  'final_report',
] as const;

export class RemindDto {
  @ApiProperty({ enum: REMINDABLE_STEPS, example: 'date_confirmation' })
  @IsIn(REMINDABLE_STEPS, says('validation.notOneOf', { options: REMINDABLE_STEPS.join(', ') }))
  step!: (typeof REMINDABLE_STEPS)[number];
}

export class FollowUpDto {
  @ApiProperty({ example: 'Handelingsplannen herzien' })
  @IsString(says('validation.notAString'))
  @MaxLength(1000, says('validation.tooLong', { max: 1000 }))
  description!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', says('validation.notUuid'))
  ownerPersonId!: string;

  @ApiProperty({ example: '2027-06-01' })
  @Matches(DATE, says('validation.notDateTime'))
  dueDate!: string;
}

export class PartnerDto {
  @ApiProperty({ example: 'rijnoever', description: 'The partner SWV’s code (slug)' })
  @IsString(says('validation.notAString'))
  @MaxLength(100, says('validation.tooLong', { max: 100 }))
  partner!: string;
}

export class VisitorDto {
  @ApiProperty({ format: 'uuid', description: 'One of your own SWV’s people' })
  @IsUUID('all', says('validation.notUuid'))
  personId!: string;

  @ApiPropertyOptional({ description: 'Trained to chair a visit' })
  @IsOptional()
  @IsIn([true, false], says('validation.notBoolean'))
  trainedChair?: boolean;
}
