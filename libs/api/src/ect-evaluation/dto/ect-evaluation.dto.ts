import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ECT_TEXT_MAX } from '@jaarcyclus/workflows';
import { says } from '../../common/validation';

export class StartEctEvaluationDto {
  @ApiProperty({ example: 2026, description: 'The calendar year evaluated' })
  @IsInt(says('validation.notAWholeNumber', { example: '2026' }))
  @Min(2015, says('validation.numberTooSmall', { min: 2015 }))
  @Max(2200, says('validation.numberTooLarge', { max: 2200 }))
  year!: number;

  @ApiPropertyOptional({
    example: '2026-11-30T17:00:00+01:00',
    description:
      'In October–December of the year; default the last business day on or before 30 November, 17:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, says('validation.notDateTime'))
  deadline?: string;
}

export class SubmitEctEvaluationDto {
  @ApiProperty({
    maxLength: ECT_TEXT_MAX,
    description: 'What the ECT member and the school’s support team found about this year',
  })
  @IsString(says('cycles.evaluationTextRequired'))
  @MinLength(1, says('cycles.evaluationTextRequired'))
  @MaxLength(ECT_TEXT_MAX, says('cycles.evaluationTextTooLong', { max: ECT_TEXT_MAX }))
  findings!: string;

  @ApiProperty({ maxLength: ECT_TEXT_MAX, description: 'What they agreed for next year' })
  @IsString(says('cycles.evaluationTextRequired'))
  @MinLength(1, says('cycles.evaluationTextRequired'))
  @MaxLength(ECT_TEXT_MAX, says('cycles.evaluationTextTooLong', { max: ECT_TEXT_MAX }))
  agreements!: string;
}
