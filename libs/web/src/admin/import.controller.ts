import { Body, Controller, Get, Post, Req, Res, UploadedFile, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { isDomainError, type ImportKind } from '@jaarcyclus/domain';
import type { Response } from 'express';
import type {
  AuthenticatedPerson,
  AuthenticatedRequest,
} from '@jaarcyclus/api/auth/authenticated-person';
import { CurrentPerson, Roles, WRITE_ROLES } from '@jaarcyclus/api/auth/decorators';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { ImportService } from '@jaarcyclus/api/import/import.service';
import { fieldErrorOf, formFields, text } from '../forms';
import { FormWithFile } from '../uploads';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPages } from '../web-pages';
import { IMPORT_FILE_FIELD, importPage, importReportPage } from './import.pages';

/**
 * "Beheer" → importeren (/app/admin/import, issue #15): an administrator uploads a CSV file of
 * boards, schools or people and reads the report as a page. The same ImportService as
 * POST /api/import/:kind; a file refused as a whole comes back on the form (422), named next to
 * the file field in the reader's language.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/admin/import')
export class ImportAdminController {
  constructor(
    private readonly pages: WebPages,
    private readonly imports: ImportService,
  ) {}

  @Get()
  @Roles(...WRITE_ROLES)
  form(@Req() req: AuthenticatedRequest, @Res() res: Response): void {
    this.pages.send(res, 200, importPage(this.pages.context(req, res), { kind: '', errors: [] }));
  }

  @Post()
  @Roles(...WRITE_ROLES)
  @FormWithFile(IMPORT_FILE_FIELD)
  async upload(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
    @UploadedFile() file: { buffer: Buffer; size: number } | undefined,
  ): Promise<void> {
    const ctx = this.pages.context(req, res, '/app/admin/import');
    const posted = text(formFields(body), 'kind');
    const kind: ImportKind | '' = this.imports.isKind(posted) ? posted : '';
    const errors: FieldError[] = [];
    if (!kind) {
      errors.push({
        field: 'kind',
        message: 'Choose boards, schools or persons',
        text: {
          code: 'validation.notOneOf',
          params: { field: 'kind', options: 'boards, schools, persons' },
        },
      });
    }
    if (!file || file.size === 0) {
      errors.push({
        field: IMPORT_FILE_FIELD,
        message: ctx.t.importFileMissing,
        text: { code: 'csvImport.empty', params: { field: IMPORT_FILE_FIELD } },
      });
    }
    if (errors.length > 0 || !kind || !file) {
      return this.pages.send(res, 422, importPage(ctx, { kind, errors }));
    }
    try {
      const report = await this.imports.import(me.organisationId, kind, file.buffer, file.size);
      this.pages.send(res, 200, importReportPage(ctx, report));
    } catch (err) {
      if (isDomainError(err) && err.field === 'file') {
        return this.pages.send(
          res,
          422,
          importPage(ctx, { kind, errors: [fieldErrorOf(err, IMPORT_FILE_FIELD)] }),
        );
      }
      throw err;
    }
  }
}
