import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BadRequestException } from '@nestjs/common';
import type { CodedText } from '@jaarcyclus/i18n';

export interface FieldError {
  /** Path of the offending input, e.g. 'pupilCount' or 'votingRule.quorum.numerator'. */
  field: string;
  /** In English: the JSON api's answer. */
  message: string;
  /** The same by code (libs/i18n), for an edge that writes it in its reader's language. */
  text?: CodedText;
}

export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'pupilCount' })
  field!: string;

  @ApiProperty({ example: 'pupilCount must be a non-negative integer' })
  message!: string;
}

/** The body of every error response. Never contains a stack trace. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'Bad Request' })
  error!: string;

  @ApiProperty({ example: 'Invalid input' })
  message!: string;

  @ApiPropertyOptional({
    description: 'Domain error code',
    enum: ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'RULE_VIOLATION'],
  })
  code?: string;

  @ApiPropertyOptional({ example: 'boardId' })
  field?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}

/** 400 for input that does not have the documented shape; lists every offending field. */
export class RequestValidationException extends BadRequestException {
  constructor(readonly fieldErrors: FieldError[]) {
    super({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid input',
      errors: fieldErrors.map(({ field, message }) => ({ field, message })),
    } satisfies ErrorResponseDto);
  }
}
