import { Controller, Get, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import { CurrentPerson, Roles } from '../auth/decorators';
import { SESSION_COOKIE } from '../auth/session.guard';
import { ErrorResponseDto } from '../common/api-errors';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import {
  DocumentsService,
  MAX_DOCUMENT_BYTES,
  type DocumentInfo,
  type UploadedDocument,
} from './documents.service';

/** Who may download: everyone with a role in the SWV (which documents: DocumentsService.download). */
const DOCUMENT_READERS = [
  'admin',
  'secretariat',
  'director',
  'body_member',
  'school_contact',
  'ect_member',
] as const;

/**
 * Proposals (budget, support plan) are uploaded once and referred to by id from cycles. The
 * checks (type, size, tenant) live in DocumentsService, shared with the web app's forms.
 */
@ApiTags('documents')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Controller('api/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post()
  @Roles('secretariat', 'admin')
  // File names as UTF-8 (multer's default reads them as latin1: "Begroting – concept" garbled).
  @UseInterceptors(
    FileInterceptor('file', {
      limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1 },
      defParamCharset: 'utf8',
    }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' } },
      required: ['file'],
    },
  })
  @ApiCreatedResponse({ description: 'The stored document (without its content)' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  upload(
    @CurrentPerson() me: AuthenticatedPerson,
    @UploadedFile() file: UploadedDocument | undefined,
  ): Promise<DocumentInfo> {
    return this.documents.store(me.organisationId, file);
  }

  /**
   * Everyone of the SWV may download a proposal a cycle uses (they may follow its cycles); an
   * upload no cycle uses yet only the office. Another SWV's id, or one the reader may not see,
   * answers 404. Streamed in pieces: a 20 MB file is never held in memory whole.
   */
  @Get(':id')
  @Roles(...DOCUMENT_READERS)
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async download(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { info, content } = await this.documents.download(me, id);
    res.setHeader('content-type', info.contentType);
    res.setHeader('content-length', String(info.sizeBytes));
    res.setHeader(
      'content-disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(info.filename)}`,
    );
    res.setHeader('x-content-type-options', 'nosniff');
    // A failure mid-way cuts the connection: the client sees an incomplete download, not a
    // truncated file presented as whole (Content-Length is set).
    await pipeline(Readable.from(content), res);
  }
}
