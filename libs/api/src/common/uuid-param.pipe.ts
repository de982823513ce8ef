import { Injectable, type PipeTransform, type ArgumentMetadata } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { RequestValidationException } from './api-errors';

/** Route ids are UUIDs; anything else is a 400 in the usual field-list shape, never a database error. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!isUUID(value)) {
      const field = metadata.data ?? 'id';
      throw new RequestValidationException([{ field, message: `${field} must be a UUID` }]);
    }
    return value;
  }
}
