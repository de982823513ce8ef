import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import {
  TRANSITION_DECISIONS,
  TRANSITION_END_REASONS,
  type TransitionDecision,
  type TransitionEndReason,
  type TransitionMoveKind,
} from '@jaarcyclus/domain';
import { IsEmailAddress, IsName, says } from '../common/validation';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const IsLocalDate = () => Matches(DATE, says('validation.notALocalDate'));

/** Opening a case: the only pupil data the service holds, and the parent to invite. */
export class OpenTransitionDto {
  @ApiProperty({ format: 'uuid', description: 'The vso school (kind special) the pupil attends' })
  @IsUUID('4', says('validation.notUuid'))
  vsoSchoolId!: string;

  @ApiProperty({
    example: 'Sanne de Vries',
    description: 'Stored encrypted; never leaves the case',
  })
  @IsName(200)
  pupilName!: string;

  @ApiProperty({ example: '2012-05-14', description: 'Stored encrypted' })
  @IsLocalDate()
  pupilBirthDate!: string;

  @ApiProperty({ example: 'Familie de Vries' })
  @IsName(200)
  parentName!: string;

  @ApiProperty({ format: 'email', example: 'ouder@example.org' })
  @IsEmailAddress()
  parentEmail!: string;
}

export const MOVE_KINDS: readonly TransitionMoveKind[] = [
  'chooseSchool',
  'recordConsent',
  'completeOrientation',
  'recordConsultation',
  'completeResearch',
  'decide',
  'recordHandover',
  'recordEvaluation',
  'close',
  'end',
];

/** One step on a case: the move and what it records; `note` is stored encrypted. */
export class TransitionStepDto {
  @ApiProperty({ enum: MOVE_KINDS })
  @IsIn(MOVE_KINDS as string[], says('validation.notOneOf', { options: MOVE_KINDS.join(', ') }))
  kind!: TransitionMoveKind;

  @ApiPropertyOptional({ description: 'chooseSchool, recordConsent: the regular school' })
  @ValidateIf((o: TransitionStepDto) => o.kind === 'chooseSchool' || o.kind === 'recordConsent')
  @IsUUID('4', says('validation.notUuid'))
  schoolId?: string;

  @ApiPropertyOptional({ description: 'chooseSchool: the vso’s prior consultation with it' })
  @ValidateIf((o: TransitionStepDto) => o.kind === 'chooseSchool')
  @IsLocalDate()
  priorConsultationOn?: string;

  @ApiPropertyOptional({ description: 'completeOrientation: the talk with the parents' })
  @ValidateIf((o: TransitionStepDto) => o.kind === 'completeOrientation')
  @IsLocalDate()
  parentsMetOn?: string;

  @ApiPropertyOptional({ description: 'recordConsultation: the meeting' })
  @ValidateIf((o: TransitionStepDto) => o.kind === 'recordConsultation')
  @IsLocalDate()
  meetingOn?: string;

  @ApiPropertyOptional({ description: 'recordConsultation: further research due (optional)' })
  @ValidateIf((o: TransitionStepDto) => o.kind === 'recordConsultation' && !!o.researchDueOn)
  @IsLocalDate()
  researchDueOn?: string;

  @ApiPropertyOptional({ enum: TRANSITION_DECISIONS })
  @ValidateIf((o: TransitionStepDto) => o.kind === 'decide')
  @IsIn(
    TRANSITION_DECISIONS as unknown as string[],
    says('validation.notOneOf', { options: TRANSITION_DECISIONS.join(', ') }),
  )
  decision?: TransitionDecision;

  @ApiPropertyOptional({ description: 'recordHandover: the start date in regular vo' })
  @ValidateIf((o: TransitionStepDto) => o.kind === 'recordHandover')
  @IsLocalDate()
  startOn?: string;

  @ApiPropertyOptional({ description: 'recordEvaluation: the OPP evaluation' })
  @ValidateIf((o: TransitionStepDto) => o.kind === 'recordEvaluation')
  @IsLocalDate()
  heldOn?: string;

  @ApiPropertyOptional({ enum: ['succeeded', 'back_to_vso'] })
  @ValidateIf((o: TransitionStepDto) => o.kind === 'close')
  @IsIn(
    ['succeeded', 'back_to_vso'],
    says('validation.notOneOf', { options: 'succeeded, back_to_vso' }),
  )
  result?: 'succeeded' | 'back_to_vso';

  @ApiPropertyOptional({ enum: TRANSITION_END_REASONS })
  @ValidateIf((o: TransitionStepDto) => o.kind === 'end')
  @IsIn(
    TRANSITION_END_REASONS as unknown as string[],
    says('validation.notOneOf', { options: TRANSITION_END_REASONS.join(', ') }),
  )
  reason?: TransitionEndReason;

  @ApiPropertyOptional({ description: 'What was agreed or found (stored encrypted)' })
  @IsOptional()
  @IsString(says('validation.notAString'))
  @MaxLength(4000, says('validation.tooLong', { max: 4000 }))
  note?: string;
}

/** The parents' view on the case (stored encrypted). */
export class ParentViewDto {
  @ApiProperty()
  @IsName(4000)
  view!: string;
}
