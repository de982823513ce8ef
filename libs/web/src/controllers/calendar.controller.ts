import {
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
import { TaskRepository, VisitationRepository } from '@jaarcyclus/persistence';
import type { Response } from 'express';
import type {
  AuthenticatedPerson,
  AuthenticatedRequest,
} from '@jaarcyclus/api/auth/authenticated-person';
import { CurrentPerson, Public } from '@jaarcyclus/api/auth/decorators';
import { CalendarFeeds } from '../calendar/calendar-feeds';
import { renderCalendar } from '../calendar/ical';
import { taskEvents } from '../calendar/task-events';
import { visitEvents } from '../calendar/visit-events';
import { CsrfGuard } from '../csrf';
import { messagesFor } from '../i18n';
import { calendarPage } from '../pages/calendar.pages';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPages } from '../web-pages';

/** The page shows a feed URL, which is a secret: it must not leak through a Referer. */
const SECRET_PAGE = { 'Referrer-Policy': 'no-referrer' };

@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller()
export class CalendarController {
  constructor(
    private readonly pages: WebPages,
    private readonly feeds: CalendarFeeds,
    private readonly tasks: TaskRepository,
    private readonly visitation: VisitationRepository,
  ) {}

  @Get('app/calendar')
  async show(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Query('revoked') revoked: unknown,
  ): Promise<void> {
    const ctx = this.pages.context(req, res);
    const feed = await this.feeds.current(me.organisationId, me.id, 'personal');
    this.pages.send(
      res,
      200,
      calendarPage(ctx, {
        feed,
        newFeedUrl: null,
        message: revoked === '1' ? ctx.t.feedRevoked : null,
      }),
      SECRET_PAGE,
    );
  }

  /**
   * Creates (or replaces) the feed and shows its URL in the answer to this POST: only the hash
   * is stored, so this is the one moment the URL can be shown.
   */
  @Post('app/calendar/feed')
  @UseGuards(CsrfGuard)
  async regenerate(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const token = await this.feeds.regenerate(me.organisationId, me.id, 'personal');
    const ctx = this.pages.context(req, res, '/app/calendar');
    this.pages.send(
      res,
      200,
      calendarPage(ctx, {
        feed: await this.feeds.current(me.organisationId, me.id, 'personal'),
        newFeedUrl: `${this.pages.publicUrl}/calendar/${token}.ics`,
        message: null,
      }),
      SECRET_PAGE,
    );
  }

  @Post('app/calendar/feed/revoke')
  @UseGuards(CsrfGuard)
  async revoke(@CurrentPerson() me: AuthenticatedPerson, @Res() res: Response): Promise<void> {
    await this.feeds.revoke(me.organisationId, me.id, 'personal');
    this.pages.redirect(res, '/app/calendar?revoked=1');
  }

  /** The feed calendar apps poll. Public: the unguessable token is the credential. */
  @Public()
  @Get('calendar/:token.ics')
  async feed(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const owner = await this.feeds.ownerOf(token, 'personal');
    if (!owner) {
      res
        .status(404)
        .set('Cache-Control', 'no-store')
        .type('text/plain')
        .send('Niet gevonden / Not found\n');
      return;
    }
    const tasks = await this.tasks.openWithDeadline(owner.organisationId, owner.personId);
    const body = renderCalendar({
      name: `${messagesFor(owner.locale).appName} – ${owner.organisationName}`,
      now: new Date(),
      events: [
        ...taskEvents(tasks, { locale: owner.locale, publicUrl: this.pages.publicUrl }),
        // The visits the person hosts or visits (collegial visitations and audits).
        ...visitEvents(await this.visitation.visitsOfPerson(owner.organisationId, owner.personId), {
          locale: owner.locale,
          publicUrl: this.pages.publicUrl,
        }),
      ],
    });
    res
      .status(200)
      .set({
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': 'inline; filename="jaarcyclus.ics"',
        'Cache-Control': 'private, no-store',
        'Referrer-Policy': 'no-referrer',
        'X-Content-Type-Options': 'nosniff',
      })
      .send(body);
  }
}
