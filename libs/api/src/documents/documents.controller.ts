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
import { DomainError } from '@jaarcyclus/domain';
import type { Response } from 'express';
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

  /** Everyone of the SWV may download a proposal they are asked to vote on. */
  @Get(':id')
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async download(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const doc = await this.documents.withContent(me.organisationId, id);
    if (!doc) throw new DomainError('NOT_FOUND', 'Document not found');
    res.setHeader('content-type', doc.contentType);
    res.setHeader(
      'content-disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
    );
    res.setHeader('x-content-type-options', 'nosniff');
    res.end(doc.content);
  }
}
