import {
  Controller,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  Post,
  Req,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { ImportReport } from '@jaarcyclus/domain';
import { renderText } from '@jaarcyclus/i18n';
import type { Request } from 'express';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import { CurrentPerson, Roles, WRITE_ROLES } from '../auth/decorators';
import { SESSION_COOKIE } from '../auth/session.guard';
import { ErrorResponseDto } from '../common/api-errors';
import { ImportService, MAX_IMPORT_BYTES } from './import.service';

/** A report as the JSON api answers it: each problem with its English text and its code. */
export interface ImportReportJson {
  kind: ImportReport['kind'];
  counts: ImportReport['counts'];
  rows: {
    row: number;
    label: string;
    outcome: string;
    problems: { column: string | null; message: string; code: string }[];
  }[];
}

/**
 * `POST /api/import/{boards,schools,persons}` (issue #15): a CSV file from Dutch Excel, sent as
 * multipart (field `file`) or as the body itself (`Content-Type: text/csv`); answers 200 with
 * what happened to every line (created, changed, unchanged, refused and why). A file that cannot
 * be read as a whole (separator, header, encoding) is a 422 and writes nothing.
 */
@ApiTags('import')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not an administrator of the SWV' })
@Controller('api/import')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  @Post(':kind')
  @Roles(...WRITE_ROLES)
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } }))
  @ApiParam({ name: 'kind', enum: ['boards', 'schools', 'persons'] })
  @ApiConsumes('multipart/form-data', 'text/csv')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' } },
      required: ['file'],
    },
  })
  @ApiOkResponse({ description: 'What happened to every line of the file' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'The file as a whole' })
  async import(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('kind') kind: string,
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @Req() req: Request,
  ): Promise<ImportReportJson> {
    if (!this.imports.isKind(kind)) throw new NotFoundException();
    const bytes = file?.buffer ?? (req.is('text/csv') ? await readBody(req) : undefined);
    const report = await this.imports.import(me.organisationId, kind, bytes);
    return {
      kind: report.kind,
      counts: report.counts,
      rows: report.rows.map((r) => ({
        ...r,
        problems: r.problems.map((p) => ({
          column: p.column,
          message: renderText('en', p.text),
          code: p.text.code,
        })),
      })),
    };
  }
}

/** A text/csv body (no body parser reads it), up to MAX_IMPORT_BYTES + 1 (then refused as too large). */
async function readBody(req: Request): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_IMPORT_BYTES + 1) break;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
