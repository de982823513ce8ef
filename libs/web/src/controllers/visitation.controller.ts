import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UploadedFile,
  UseGuards,
} from '@nestjs/common';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { UploadedDocument } from '@jaarcyclus/api/documents/documents.service';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainError } from '@jaarcyclus/domain';
import type { Response } from 'express';
import type {
  AuthenticatedPerson,
  AuthenticatedRequest,
} from '@jaarcyclus/api/auth/authenticated-person';
import { CurrentPerson, READ_ROLES, Roles } from '@jaarcyclus/api/auth/decorators';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { VisitationService } from '@jaarcyclus/api/visitation/visitation.service';
import { REMINDABLE_STEPS, type RemindDto } from '@jaarcyclus/api/visitation/dto/visitation.dto';
import { catalogueFor } from '@jaarcyclus/i18n';
import { CsrfGuard } from '../csrf';
import { formFields, refusalAsFieldErrors, text } from '../forms';
import {
  type ProposalView,
  VISITATIONS_PATH,
  programmePage,
  programmesPage,
  publicSchedulePage,
  visitPage,
} from '../pages/visitation.pages';
import { FormWithFile } from '../uploads';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPages } from '../web-pages';

const EDITORS = ['secretariat', 'admin'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The page's status for a refusal: 409 conflict, 503 Temporal away, else 422. */
function statusOf(error: unknown): number {
  if (error instanceof DomainError && error.code === 'CONFLICT') return 409;
  if (error instanceof DomainError && error.code === 'UNAVAILABLE') return 503;
  return 422;
}

/** A path id that is no uuid is an unknown page, as an unknown id is. */
function checkId(id: string): string {
  if (!UUID.test(id)) throw new DomainError('NOT_FOUND', 'Not found');
  return id;
}

/**
 * Collegial visitations in the web app, through VisitationService (the same checks as the
 * JSON api): the secretariat's programme pages (proposal as a table and per month, lock, move,
 * swap, re-solve, publish, the overview), and each participant's visit page with the date to
 * confirm or decline. A refusal is shown on the page itself, in the reader's language.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller()
export class VisitationPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly visitation: VisitationService,
  ) {}

  @Get('app/visitations')
  @Roles(...READ_ROLES)
  async list(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Query('done') done: unknown,
  ): Promise<void> {
    const ctx = this.pages.context(req, res);
    const message =
      done === 'accepted'
        ? ctx.t.vis.acceptedMessage
        : done === 'nominated'
          ? ctx.t.vis.nominated
          : null;
    await this.renderList(me, req, res, 200, message, []);
  }

  /** A partner SWV's secretariat: action=accept the link, or nominate (personId) one of its own. */
  @Post('app/visitation-partnerships/:programmeId')
  @Roles(...EDITORS)
  @UseGuards(CsrfGuard)
  async partnership(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('programmeId') idParam: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const id = checkId(idParam);
    const fields = formFields(body);
    try {
      if (text(fields, 'action') === 'accept') {
        await this.visitation.acceptPartnership(me, id);
        return this.pages.redirect(res, `${VISITATIONS_PATH}?done=accepted`);
      }
      const personKey = Object.keys(fields).find(
        (k) => k === 'personId' || k.startsWith('personId-'),
      );
      await this.visitation.addVisitor(
        me,
        id,
        {
          personId: personKey ? text(fields, personKey) : '',
          trainedChair: text(fields, 'trainedChair') === '1',
        },
        true,
      );
    } catch (error) {
      const errors = refusalAsFieldErrors(error);
      return this.renderList(me, req, res, statusOf(error), null, errors);
    }
    this.pages.redirect(res, `${VISITATIONS_PATH}?done=nominated`);
  }

  /** The programme's public schedule: the host's office and everyone of an accepted partner. */
  @Get('app/visitations/:id/schedule')
  async schedule(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') id: string,
  ): Promise<void> {
    const rows = await this.visitation.publicSchedule(me, checkId(id));
    this.pages.send(res, 200, publicSchedulePage(this.pages.context(req, res), rows));
  }

  private async renderList(
    me: AuthenticatedPerson,
    req: AuthenticatedRequest,
    res: Response,
    status: number,
    message: string | null,
    errors: FieldError[],
  ): Promise<void> {
    const ctx = this.pages.context(req, res, VISITATIONS_PATH);
    const editor = me.roles.some((r) => (EDITORS as readonly string[]).includes(r));
    const partner = editor ? await this.visitation.partnershipsPage(me) : null;
    this.pages.send(
      res,
      status,
      programmesPage(ctx, await this.visitation.list(me), partner, message, errors),
    );
  }

  @Get('app/visitations/:id')
  @Roles(...READ_ROLES)
  async show(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Query('done') done: unknown,
  ): Promise<void> {
    const ctx = this.pages.context(req, res);
    const message = done === 'published' ? ctx.t.vis.published : null;
    await this.render(me, req, res, checkId(id), 200, message, []);
  }

  /** action=propose | unlock | lock (hostId) | move (hostId, date) | swap (a, b) | publish. */
  @Post('app/visitations/:id')
  @Roles(...EDITORS)
  @UseGuards(CsrfGuard)
  async post(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') idParam: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const id = checkId(idParam);
    const fields = formFields(body);
    const action = text(fields, 'action');
    try {
      switch (action) {
        case 'propose':
          await this.visitation.propose(me, id);
          break;
        case 'unlock':
          await this.visitation.clearLocks(me, id);
          break;
        case 'lock':
          await this.visitation.lock(me, id, { hostId: text(fields, 'hostId'), whole: true });
          break;
        case 'move':
          await this.visitation.move(me, id, {
            hostId: text(fields, 'hostId'),
            date: text(fields, 'date'),
          });
          break;
        case 'swap': {
          const [hostA = '', visitorA = ''] = text(fields, 'a').split('|');
          const [hostB = '', visitorB = ''] = text(fields, 'b').split('|');
          await this.visitation.swap(me, id, { hostA, visitorA, hostB, visitorB });
          break;
        }
        case 'partner': {
          const linked = await this.visitation.linkPartner(me, id, text(fields, 'partner').trim());
          const ctx = this.pages.context(req, res);
          return this.render(me, req, res, id, 200, ctx.t.vis.partnerLinked(linked.partner), []);
        }
        case 'publish':
          await this.visitation.publish(me, id);
          return this.pages.redirect(res, `${VISITATIONS_PATH}/${id}?done=published`);
        default:
          throw new DomainError('NOT_FOUND', 'Unknown action');
      }
    } catch (error) {
      const errors = refusalAsFieldErrors(error);
      return this.render(me, req, res, id, statusOf(error), null, errors);
    }
    this.pages.redirect(res, `${VISITATIONS_PATH}/${id}`);
  }

  @Get('app/visits/:id')
  async visit(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Query('done') done: unknown,
    @Query('answered') answered: unknown,
  ): Promise<void> {
    const ctx = this.pages.context(req, res);
    const v = ctx.t.vis;
    const messages: Record<string, string> = {
      answered: v.answered,
      uploaded: v.uploaded,
      followUp: v.followUpAdded,
      followUpDone: v.markedDone,
      checked: v.checked,
      rescheduled: v.rescheduled,
      cancelled: v.cancelled,
      reminded: v.reminded,
    };
    const key = answered === '1' ? 'answered' : done;
    const message = typeof key === 'string' ? (messages[key] ?? null) : null;
    await this.renderVisit(me, req, res, checkId(id), 200, message, [], {});
  }

  @Post('app/visits/:id/answer')
  @UseGuards(CsrfGuard)
  async answer(
    @CurrentPerson() me: AuthenticatedPerson,
    @Res() res: Response,
    @Param('id') idParam: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const id = checkId(idParam);
    const answer = text(formFields(body), 'answer') === 'decline' ? 'decline' : 'confirm';
    await this.visitation.answer(me, id, { answer });
    // The one who declined is no longer in the visit: back to their tasks.
    this.pages.redirect(res, answer === 'decline' ? '/app/tasks' : `/app/visits/${id}?answered=1`);
  }

  /** A report handed in as a file (multipart), by whoever owes that step now. */
  @Post('app/visits/:id/reports')
  @FormWithFile('file')
  async uploadReport(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') idParam: string,
    @Body() body: Record<string, unknown>,
    @UploadedFile() file: UploadedDocument | undefined,
  ): Promise<void> {
    const id = checkId(idParam);
    const fields = formFields(body);
    const step = text(fields, 'step');
    await this.visitCommand(me, req, res, id, 'uploaded', { step }, () =>
      this.visitation.uploadReport(me, id, step, file),
    );
  }

  /** One version of a report, for whoever may see the visit (streamed). */
  @Get('app/visits/:id/reports/:documentId')
  async downloadReport(
    @CurrentPerson() me: AuthenticatedPerson,
    @Res() res: Response,
    @Param('id') id: string,
    @Param('documentId') documentId: string,
  ): Promise<void> {
    const { info, content } = await this.visitation.reportDownload(
      me,
      checkId(id),
      checkId(documentId),
    );
    res.setHeader('content-type', info.contentType);
    res.setHeader('content-length', String(info.sizeBytes));
    res.setHeader(
      'content-disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(info.filename)}`,
    );
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'private, no-store');
    await pipeline(Readable.from(content), res);
  }

  @Post('app/visits/:id/follow-ups')
  @UseGuards(CsrfGuard)
  async addFollowUp(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') idParam: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const id = checkId(idParam);
    const fields = formFields(body);
    const values = {
      description: text(fields, 'description'),
      ownerPersonId: text(fields, 'ownerPersonId'),
      dueDate: text(fields, 'dueDate').trim(),
    };
    await this.visitCommand(me, req, res, id, 'followUp', values, () =>
      this.visitation.addFollowUp(me, id, values),
    );
  }

  @Post('app/visits/:id/follow-ups/:key/done')
  @UseGuards(CsrfGuard)
  async completeFollowUp(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') idParam: string,
    @Param('key') key: string,
  ): Promise<void> {
    const id = checkId(idParam);
    await this.visitCommand(me, req, res, id, 'followUpDone', {}, () =>
      this.visitation.completeFollowUp(me, id, key),
    );
  }

  @Post('app/visits/:id/check')
  @Roles(...EDITORS)
  @UseGuards(CsrfGuard)
  async completeCheck(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') idParam: string,
  ): Promise<void> {
    const id = checkId(idParam);
    await this.visitCommand(me, req, res, id, 'checked', {}, () =>
      this.visitation.completeCheck(me, id),
    );
  }

  @Post('app/visits/:id/reschedule')
  @Roles(...EDITORS)
  @UseGuards(CsrfGuard)
  async reschedule(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') idParam: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const id = checkId(idParam);
    const visitDate = text(formFields(body), 'visitDate').trim();
    await this.visitCommand(me, req, res, id, 'rescheduled', { visitDate }, () =>
      this.visitation.reschedule(me, id, visitDate),
    );
  }

  @Post('app/visits/:id/remind')
  @Roles(...EDITORS)
  @UseGuards(CsrfGuard)
  async remind(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') idParam: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const id = checkId(idParam);
    const step = text(formFields(body), 'step').trim();
    await this.visitCommand(me, req, res, id, 'reminded', {}, () =>
      this.visitation.remindNow(me, id, step as RemindDto['step']),
    );
  }

  @Post('app/visits/:id/cancel')
  @Roles(...EDITORS)
  @UseGuards(CsrfGuard)
  async cancel(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') idParam: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const id = checkId(idParam);
    const reason = text(formFields(body), 'reason').trim();
    await this.visitCommand(me, req, res, id, 'cancelled', { reason }, () =>
      this.visitation.cancel(me, id, reason),
    );
  }

  /**
   * Runs one command of a visit through VisitationService; a refusal comes back as the visit's
   * page naming the field (404 stays 404: not the person's visit).
   */
  private async visitCommand(
    me: AuthenticatedPerson,
    req: AuthenticatedRequest,
    res: Response,
    id: string,
    done: string,
    values: Record<string, string>,
    command: () => Promise<unknown>,
  ): Promise<void> {
    try {
      await command();
    } catch (error) {
      const errors = refusalAsFieldErrors(error);
      return this.renderVisit(me, req, res, id, statusOf(error), null, errors, values);
    }
    this.pages.redirect(res, `/app/visits/${id}?done=${done}`);
  }

  private async renderVisit(
    me: AuthenticatedPerson,
    req: AuthenticatedRequest,
    res: Response,
    id: string,
    status: number,
    message: string | null,
    errors: FieldError[],
    values: Record<string, string>,
  ): Promise<void> {
    const ctx = this.pages.context(req, res, `/app/visits/${id}`);
    const data = await this.visitation.visitPage(me, id);
    const v = data.visit;
    const state = v.state as {
      answers?: Record<string, 'pending' | 'confirmed' | 'declined'>;
      hostPersonIds?: string[];
      hostConfirmed?: boolean;
      steps?: { key: string; dueAt: string; done: boolean; openedAt: string | null }[];
    };
    const isHost = (state.hostPersonIds ?? []).includes(me.id);
    const myAnswer =
      state.answers?.[me.id] ?? (isHost ? (state.hostConfirmed ? 'confirmed' : 'pending') : null);
    const stepLabels = catalogueFor(ctx.locale).mail.visitation.steps;
    this.pages.send(
      res,
      status,
      visitPage(ctx, {
        visitId: v.id,
        programmeId: v.programmeId,
        maySeeSchedule: data.maySeeSchedule,
        hostName: v.host.name,
        visitDate: v.visitDate,
        team: v.team.map((s) => ({ name: data.names.get(s.visitorId) ?? '', role: s.role })),
        myAnswer,
        steps: (state.steps ?? [])
          .filter((s) => s.key !== 'invitation')
          .map((s) => ({
            key: s.key,
            label: stepLabels[s.key as keyof typeof stepLabels] ?? s.key,
            dueAt: s.dueAt,
            done: s.done,
            open: s.openedAt !== null,
          })),
        status: v.status,
        message,
        errors,
        values,
        reports: data.reports,
        uploadSteps: data.uploadSteps,
        followUps: data.followUps,
        mayAddFollowUp: data.mayAddFollowUp,
        ownerOptions: data.ownerOptions,
        office: data.office,
        remindSteps: (state.steps ?? [])
          .filter((s) => REMINDABLE_STEPS.includes(s.key as RemindDto['step']))
          .filter((s) => s.openedAt !== null && !s.done)
          .map((s) => ({
            key: s.key,
            label: stepLabels[s.key as keyof typeof stepLabels] ?? s.key,
          })),
      }),
    );
  }

  private async render(
    me: AuthenticatedPerson,
    req: AuthenticatedRequest,
    res: Response,
    id: string,
    status: number,
    message: string | null,
    errors: FieldError[],
  ): Promise<void> {
    const ctx = this.pages.context(req, res, `${VISITATIONS_PATH}/${id}`);
    const detail = await this.visitation.detail(me, id);
    const overview = detail.status === 'published' ? await this.visitation.overview(me, id) : [];
    this.pages.send(
      res,
      status,
      programmePage(ctx, {
        programme: detail,
        locks: detail.locks,
        proposal: detail.proposal as ProposalView | null,
        overview,
        message,
        errors,
      }),
    );
  }
}
