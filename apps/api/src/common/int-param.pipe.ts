import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { RequestValidationException } from './api-errors';

/**
 * Route numbers (a year, a format version) are whole numbers written as digits; anything else
 * is a 400 naming the parameter, in the same field-list shape as a malformed id or body.
 */
@Injectable()
export class IntParamPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    if (!/^\d{1,9}$/.test(value)) {
      const field = metadata.data ?? 'id';
      throw new RequestValidationException([
        { field, message: `${field} must be a whole number, such as 2026` },
      ]);
    }
    return Number(value);
  }
}
