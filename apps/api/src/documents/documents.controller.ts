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
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DomainError } from '@jaarcyclus/domain';
import { Document } from '@jaarcyclus/persistence';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import { CurrentPerson, Roles } from '../auth/decorators';
import { SESSION_COOKIE } from '../auth/session.guard';
import { ErrorResponseDto } from '../common/api-errors';
import { UuidParamPipe } from '../common/uuid-param.pipe';

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
const ALLOWED_TYPES = new Map([
  ['application/pdf', 'pdf'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
  ['application/vnd.oasis.opendocument.text', 'odt'],
  ['application/vnd.oasis.opendocument.spreadsheet', 'ods'],
]);

interface UploadedDocument {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** Proposals (budget, support plan) are uploaded once and referred to by id from cycles. */
@ApiTags('documents')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Controller('api/documents')
export class DocumentsController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Post()
  @Roles('secretariat', 'admin')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1 } }))
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
  async upload(
    @CurrentPerson() me: AuthenticatedPerson,
    @UploadedFile() file: UploadedDocument | undefined,
  ) {
    if (!file)
      throw new DomainError('VALIDATION', 'file is required (multipart field "file")', 'file');
    if (!ALLOWED_TYPES.has(file.mimetype)) {
      throw new DomainError(
        'VALIDATION',
        `file must be a PDF, Word, Excel or OpenDocument file (got ${file.mimetype})`,
        'file',
      );
    }
    if (file.size === 0) throw new DomainError('VALIDATION', 'file is empty', 'file');
    const saved = await this.ds.getRepository(Document).save({
      organisationId: me.organisationId,
      filename: file.originalname.slice(0, 255),
      contentType: file.mimetype,
      sizeBytes: file.buffer.length,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      content: file.buffer,
    });
    return {
      id: saved.id,
      filename: saved.filename,
      contentType: saved.contentType,
      sizeBytes: saved.sizeBytes,
      sha256: saved.sha256,
    };
  }

  /** Everyone of the SWV may download a proposal they are asked to vote on. */
  @Get(':id')
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async download(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const doc = await this.ds
      .getRepository(Document)
      .createQueryBuilder('d')
      .addSelect('d.content')
      .where('d.id = :id AND d.organisation_id = :org', { id, org: me.organisationId })
      .getOne();
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
