import { Injectable, type PipeTransform, type ArgumentMetadata } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { codedText, renderText } from '@jaarcyclus/i18n';
import { RequestValidationException } from './api-errors';

/** Route ids are UUIDs; anything else is a 400 in the usual field-list shape, never a database error. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!isUUID(value)) {
      const field = metadata.data ?? 'id';
      const text = codedText('validation.notUuid', { field });
      throw new RequestValidationException([{ field, message: renderText('en', text), text }]);
    }
    return value;
  }
}
