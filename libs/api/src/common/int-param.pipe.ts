import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { codedText, renderText } from '@jaarcyclus/i18n';
import { RequestValidationException } from './api-errors';

/**
 * Route numbers (a year, a format version) are whole numbers written as digits; anything else
 * is a 400 naming the parameter, in the same field-list shape as a malformed id or body.
 * Used as an instance (`new IntParamPipe('2')`), not through dependency injection.
 */
export class IntParamPipe implements PipeTransform<string, number> {
  /** `example`: a value the message shows, such as '2026' for a year. */
  constructor(private readonly example = '2026') {}

  transform(value: string, metadata: ArgumentMetadata): number {
    if (!/^\d{1,9}$/.test(value)) {
      const field = metadata.data ?? 'id';
      const text = codedText('validation.notAWholeNumber', { field, example: this.example });
      throw new RequestValidationException([{ field, message: renderText('en', text), text }]);
    }
    return Number(value);
  }
}
