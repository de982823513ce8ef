import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainError, amsterdamDate } from '@jaarcyclus/domain';
import type { Response } from 'express';
import type {
  AuthenticatedPerson,
  AuthenticatedRequest,
} from '@jaarcyclus/api/auth/authenticated-person';
import { CurrentPerson, Roles } from '@jaarcyclus/api/auth/decorators';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { UuidParamPipe } from '@jaarcyclus/api/common/uuid-param.pipe';
import {
  OpenTransitionDto,
  ParentViewDto,
  TransitionStepDto,
} from '@jaarcyclus/api/transitions/transition.dto';
import {
  CASE_ROLES,
  OVERVIEW_ROLES,
  documentHeaders,
} from '@jaarcyclus/api/transitions/transitions.controller';
import type { UploadedDocument } from '@jaarcyclus/api/documents/documents.service';
import { TransitionsService } from '@jaarcyclus/api/transitions/transitions.service';
import { CsrfGuard } from '../csrf';
import { FormWithFile } from '../uploads';
import { formFields, refusalAsFieldErrors, text, validateForm } from '../forms';
import {
  TRANSITIONS_PATH,
  openTransitionPage,
  transitionCasePage,
  transitionsPage,
  type OpenFormValues,
} from '../pages/transitions.pages';
import { transitionAccessLogPage } from '../pages/transition-access-log.pages';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPages } from '../web-pages';

const ALL_ROLES = [...new Set([...CASE_ROLES, ...OVERVIEW_ROLES])];
const has = (me: AuthenticatedPerson, roles: readonly string[]): boolean =>
  me.roles.some((r) => roles.includes(r));

/**
 * The schakeltrajecten in the web app, through the api's TransitionsService (the same need to
 * know, access log and validation as /api/transitions). A case page answers 404 to everyone
 * who is not on the case, whatever their roles (no @Roles on the case routes: see CASE_ROLES).
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/transitions')
export class TransitionPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly transitions: TransitionsService,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  async list(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const ctx = this.pages.context(req, res);
    const overview = has(me, OVERVIEW_ROLES);
    const year = Number(amsterdamDate(new Date()).slice(0, 4));
    const canOpen = (await this.transitions.openableSchools(me)).length > 0;
    this.pages.send(
      res,
      200,
      transitionsPage(ctx, {
        mine: has(me, CASE_ROLES) ? await this.transitions.mine(me) : null,
        all: overview ? await this.transitions.overview(me) : null,
        numbers: overview ? await this.transitions.numbers(me, year) : null,
        canOpen,
        accessLog: me.roles.includes('admin'),
      }),
    );
  }

  @Get('new')
  @Roles('school_contact', 'ect_member')
  async newForm(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const ctx = this.pages.context(req, res);
    const schools = await this.transitions.openableSchools(me);
    if (schools.length === 0)
      throw new DomainError('NOT_FOUND', 'No vso school to open a case for');
    const values: OpenFormValues = {
      vsoSchoolId: schools[0]!.id,
      pupilName: '',
      pupilBirthDate: '',
      parentName: '',
      parentEmail: '',
    };
    this.pages.send(res, 200, openTransitionPage(ctx, { schools, values, errors: [] }));
  }

  @Post('new')
  @Roles('school_contact', 'ect_member')
  @UseGuards(CsrfGuard)
  async open(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const ctx = this.pages.context(req, res, `${TRANSITIONS_PATH}/new`);
    const fields = formFields(body);
    const values: OpenFormValues = {
      vsoSchoolId: text(fields, 'vsoSchoolId'),
      pupilName: text(fields, 'pupilName'),
      pupilBirthDate: text(fields, 'pupilBirthDate'),
      parentName: text(fields, 'parentName'),
      parentEmail: text(fields, 'parentEmail'),
    };
    const schools = await this.transitions.openableSchools(me);
    const fail = (status: number, errors: FieldError[]) =>
      this.pages.send(res, status, openTransitionPage(ctx, { schools, values, errors }));
    const checked = await validateForm(OpenTransitionDto, { ...values });
    if (!checked.ok) return fail(400, checked.errors);
    try {
      const { id } = await this.transitions.open(me, checked.value);
      return this.pages.redirect(res, `${TRANSITIONS_PATH}/${id}?opened=1`);
    } catch (err) {
      const errors = refusalAsFieldErrors(err);
      return fail(err instanceof DomainError && err.code === 'CONFLICT' ? 409 : 422, errors);
    }
  }

  @Get(':id')
  async show(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id', UuidParamPipe) id: string,
    @Query('done') done: unknown,
    @Query('opened') opened: unknown,
  ): Promise<void> {
    const ctx = this.pages.context(req, res);
    const message =
      opened === '1'
        ? ctx.t.trOpened
        : done === 'step'
          ? ctx.t.trStepTaken
          : done === 'view'
            ? ctx.t.trViewAdded
            : done === 'document'
              ? ctx.t.trDocumentAdded
              : null;
    await this.render(req, res, me, id, 200, message, [], null);
  }

  @Post(':id/steps')
  @UseGuards(CsrfGuard)
  async step(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const fields = formFields(body);
    const input: Record<string, string> = {};
    for (const [k, v] of Object.entries(fields)) {
      const value = typeof v === 'string' ? v.trim() : '';
      if (value !== '') input[k] = value;
    }
    const kind = input.kind ?? null;
    const checked = await validateForm(TransitionStepDto, input);
    if (!checked.ok) return this.render(req, res, me, id, 400, null, checked.errors, kind);
    try {
      await this.transitions.step(me, id, checked.value);
    } catch (err) {
      const errors = refusalAsFieldErrors(err);
      const status = err instanceof DomainError && err.code === 'CONFLICT' ? 409 : 422;
      return this.render(req, res, me, id, status, null, errors, kind);
    }
    return this.pages.redirect(res, `${TRANSITIONS_PATH}/${id}?done=step`);
  }

  @Post(':id/parent-view')
  @UseGuards(CsrfGuard)
  async parentView(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const checked = await validateForm(ParentViewDto, { view: text(formFields(body), 'view') });
    if (!checked.ok) return this.render(req, res, me, id, 400, null, checked.errors, 'view');
    await this.transitions.addParentView(me, id, checked.value.view);
    return this.pages.redirect(res, `${TRANSITIONS_PATH}/${id}?done=view`);
  }

  /** The vso school (or the ECT) attaches a document at the handover: multipart, one file. */
  @Post(':id/documents')
  @FormWithFile('file')
  async attach(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id', UuidParamPipe) id: string,
    @UploadedFile() file: UploadedDocument | undefined,
  ): Promise<void> {
    try {
      await this.transitions.attachDocument(me, id, file);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'NOT_FOUND') throw err;
      const errors = refusalAsFieldErrors(err).map((e) => ({ ...e, field: 'file' }));
      return this.render(req, res, me, id, 422, null, errors, 'document');
    }
    return this.pages.redirect(res, `${TRANSITIONS_PATH}/${id}?done=document`);
  }

  /** A document of the case, for the people on it only (else 404); every download is logged. */
  @Get(':id/documents/:documentId')
  async document(
    @CurrentPerson() me: AuthenticatedPerson,
    @Res() res: Response,
    @Param('id', UuidParamPipe) id: string,
    @Param('documentId', UuidParamPipe) documentId: string,
  ): Promise<void> {
    const { document, content } = await this.transitions.downloadDocument(me, id, documentId);
    documentHeaders(res, document);
    await pipeline(Readable.from(content), res);
  }

  /** The case's access log, for the FG: the SWV's administrators only (everyone else 404). */
  @Get(':id/access-log')
  async accessLog(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<void> {
    const log = await this.transitions.accessLog(me, id);
    const row = (await this.transitions.overview(me)).find((c) => c.id === id);
    if (!row) throw new DomainError('NOT_FOUND', 'No such transition case');
    this.pages.send(res, 200, transitionAccessLogPage(this.pages.context(req, res), { row, log }));
  }

  @Get(':id/export')
  async export(
    @CurrentPerson() me: AuthenticatedPerson,
    @Res() res: Response,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<void> {
    const { file, body } = await this.transitions.export(me, id);
    this.pages.send(res, 200, body, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file}"`,
    });
  }

  private async render(
    req: AuthenticatedRequest,
    res: Response,
    me: AuthenticatedPerson,
    id: string,
    status: number,
    message: string | null,
    errors: FieldError[],
    errorKind: string | null,
  ): Promise<void> {
    const ctx = this.pages.context(req, res, `${TRANSITIONS_PATH}/${id}`);
    const view = await this.transitions.get(me, id);
    const regularSchools =
      view.viewer === 'vso' || view.viewer === 'ect'
        ? await this.transitions.regularSchools(me)
        : [];
    this.pages.send(
      res,
      status,
      transitionCasePage(ctx, view, {
        message,
        today: amsterdamDate(new Date()),
        regularSchools,
        errors,
        errorKind,
      }),
    );
  }
}
