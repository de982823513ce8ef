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
  UseGuards,
} from '@nestjs/common';
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
import { catalogueFor } from '@jaarcyclus/i18n';
import { CsrfGuard } from '../csrf';
import { formFields, refusalAsFieldErrors, text } from '../forms';
import {
  type ProposalView,
  VISITATIONS_PATH,
  programmePage,
  programmesPage,
  visitPage,
} from '../pages/visitation.pages';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPages } from '../web-pages';

const EDITORS = ['secretariat', 'admin'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  ): Promise<void> {
    const ctx = this.pages.context(req, res);
    this.pages.send(res, 200, programmesPage(ctx, await this.visitation.list(me)));
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
        case 'publish':
          await this.visitation.publish(me, id);
          return this.pages.redirect(res, `${VISITATIONS_PATH}/${id}?done=published`);
        default:
          throw new DomainError('NOT_FOUND', 'Unknown action');
      }
    } catch (error) {
      const errors = refusalAsFieldErrors(error);
      const status =
        error instanceof DomainError && error.code === 'CONFLICT'
          ? 409
          : error instanceof DomainError && error.code === 'UNAVAILABLE'
            ? 503
            : 422;
      return this.render(me, req, res, id, status, null, errors);
    }
    this.pages.redirect(res, `${VISITATIONS_PATH}/${id}`);
  }

  @Get('app/visits/:id')
  async visit(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Query('answered') answered: unknown,
  ): Promise<void> {
    const ctx = this.pages.context(req, res);
    const v = await this.visitation.visit(me, checkId(id));
    const names = await this.visitation.names(
      me,
      v,
      v.team.map((s) => s.visitorId),
    );
    const state = v.state as {
      answers?: Record<string, 'pending' | 'confirmed' | 'declined'>;
      hostPersonIds?: string[];
      hostConfirmed?: boolean;
      steps?: { key: string; dueAt: string; done: boolean }[];
    };
    const isHost = (state.hostPersonIds ?? []).includes(me.id);
    const myAnswer =
      state.answers?.[me.id] ?? (isHost ? (state.hostConfirmed ? 'confirmed' : 'pending') : null);
    const stepLabels = catalogueFor(ctx.locale).mail.visitation.steps;
    this.pages.send(
      res,
      200,
      visitPage(ctx, {
        visitId: v.id,
        hostName: v.host.name,
        visitDate: v.visitDate,
        team: v.team.map((s) => ({ name: names.get(s.visitorId) ?? '', role: s.role })),
        myAnswer,
        steps: (state.steps ?? [])
          .filter((s) => s.key !== 'invitation')
          .map((s) => ({
            label: stepLabels[s.key as keyof typeof stepLabels] ?? s.key,
            dueAt: s.dueAt,
            done: s.done,
          })),
        status: v.status,
        message: answered === '1' ? ctx.t.vis.answered : null,
      }),
    );
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
