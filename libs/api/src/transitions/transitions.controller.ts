import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiBearerAuth,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import { CurrentPerson, READ_ROLES, Roles, WRITE_ROLES } from '../auth/decorators';
import { SESSION_COOKIE } from '../auth/session.guard';
import { ErrorResponseDto } from '../common/api-errors';
import { IntParamPipe } from '../common/int-param.pipe';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { MAX_DOCUMENT_BYTES, type UploadedDocument } from '../documents/documents.service';
import { OpenTransitionDto, ParentViewDto, TransitionStepDto } from './transition.dto';
import { TransitionSettingsDto } from './transition-settings.dto';
import { TransitionsService } from './transitions.service';

/**
 * Everyone who can be on a case. The case routes (`:id`, `:id/…`) carry no @Roles: a role check
 * would answer 403 before the case is looked up, telling a person of another school or SWV that
 * the case exists. Whether the person is on the case (or, for the access log, an administrator of
 * its SWV) is checked per request, and everyone else gets 404 whatever their roles.
 */
export const CASE_ROLES = ['school_contact', 'ect_member', 'parent'] as const;
/** Who sees the overview and the yearly numbers (no pupil data). */
export const OVERVIEW_ROLES = ['secretariat', 'director', 'admin', 'ect_member'] as const;

@ApiTags('schakeltrajecten')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiServiceUnavailableResponse({ type: ErrorResponseDto })
@Controller('api/transitions')
export class TransitionsController {
  constructor(private readonly transitions: TransitionsService) {}

  @Post()
  @Roles('school_contact', 'ect_member')
  @ApiCreatedResponse({ description: 'The case is opened and the parent invited' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  open(@CurrentPerson() me: AuthenticatedPerson, @Body() body: OpenTransitionDto) {
    return this.transitions.open(me, body);
  }

  @Get()
  @Roles(...OVERVIEW_ROLES)
  @ApiOkResponse({ description: 'Every case: phase, days in phase, due, overdue; no pupil data' })
  overview(@CurrentPerson() me: AuthenticatedPerson) {
    return this.transitions.overview(me);
  }

  @Get('numbers/:year')
  @Roles(...OVERVIEW_ROLES)
  @ApiOkResponse({
    description: 'Started, succeeded, symbiosis, back to vso; median days per phase',
  })
  numbers(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('year', new IntParamPipe()) year: number,
  ) {
    return this.transitions.numbers(me, year);
  }

  /** The SWV's schakeltraject settings (due days per phase, stall days, OPP weeks, retention). */
  @Get('settings')
  @Roles(...READ_ROLES)
  @ApiOkResponse({ description: 'The settings in force, the defaults, and whether they are set' })
  settings(@CurrentPerson() me: AuthenticatedPerson) {
    return this.transitions.settings(me);
  }

  @Put('settings')
  @Roles(...WRITE_ROLES)
  @ApiOkResponse({ description: 'Stored; cases opened afterwards follow them' })
  updateSettings(@CurrentPerson() me: AuthenticatedPerson, @Body() body: TransitionSettingsDto) {
    return this.transitions.updateSettings(me, body);
  }

  @Get(':id')
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Not on this case' })
  get(@CurrentPerson() me: AuthenticatedPerson, @Param('id', UuidParamPipe) id: string) {
    return this.transitions.get(me, id);
  }

  @Post(':id/steps')
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  step(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: TransitionStepDto,
  ) {
    return this.transitions.step(me, id, body);
  }

  @Post(':id/parent-view')
  @HttpCode(HttpStatus.NO_CONTENT)
  async parentView(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ParentViewDto,
  ): Promise<void> {
    await this.transitions.addParentView(me, id, body.view);
  }

  @Get(':id/export')
  @ApiOkResponse({ description: 'The AVG export of the case, as a JSON file' })
  async export(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { file, body } = await this.transitions.export(me, id);
    res
      .status(200)
      .setHeader('Content-Type', 'application/json; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="${file}"`)
      .setHeader('Cache-Control', 'no-store')
      .send(body);
  }

  /** The vso school attaches a document at the handover (PDF or Office, ≤ 20 MB). */
  @Post(':id/documents')
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
  @ApiCreatedResponse({ description: 'The attached document (its name, type and size)' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Not on this case' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  attach(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @UploadedFile() file: UploadedDocument | undefined,
  ) {
    return this.transitions.attachDocument(me, id, file);
  }

  /** A document of the case, for the people on it only; every download is logged. */
  @Get(':id/documents/:documentId')
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Not on this case' })
  async document(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Param('documentId', UuidParamPipe) documentId: string,
    @Res() res: Response,
  ): Promise<void> {
    const { document, content } = await this.transitions.downloadDocument(me, id, documentId);
    documentHeaders(res, document);
    await pipeline(Readable.from(content), res);
  }

  @Get(':id/access-log')
  @ApiOkResponse({ description: 'Every read of the case, for the privacy officer' })
  accessLog(@CurrentPerson() me: AuthenticatedPerson, @Param('id', UuidParamPipe) id: string) {
    return this.transitions.accessLog(me, id);
  }
}

/** The headers of a case document's download (the body follows, streamed). */
export function documentHeaders(
  res: Response,
  document: { filename: string; contentType: string; sizeBytes: number },
): void {
  res.status(200);
  res.setHeader('content-type', document.contentType);
  res.setHeader('content-length', String(document.sizeBytes));
  res.setHeader(
    'content-disposition',
    `attachment; filename*=UTF-8''${encodeURIComponent(document.filename)}`,
  );
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('cache-control', 'no-store');
}
