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
import type { Response } from 'express';
import type {
  AuthenticatedPerson,
  AuthenticatedRequest,
} from '@jaarcyclus/api/auth/authenticated-person';
import { CurrentPerson, Public, Roles } from '@jaarcyclus/api/auth/decorators';
import { OfficeService } from '@jaarcyclus/api/office/office.service';
import { OrganisationRepository } from '@jaarcyclus/persistence';
import { agendaEvents } from '../calendar/agenda-events';
import { CalendarFeeds } from '../calendar/calendar-feeds';
import { renderCalendar } from '../calendar/ical';
import { CsrfGuard } from '../csrf';
import { messagesFor } from '../i18n';
import { OFFICE_HOME_ROLES } from '../layout';
import { agendaPage, officeHomePage } from '../pages/office.pages';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPages } from '../web-pages';

/** The answer to a POST shows feed URLs, which are secrets: they must not leak through a Referer. */
const SECRET_PAGE = { 'Referrer-Policy': 'no-referrer' };

/** The office's overview (its home after sign-in) and the SWV's year agenda with its feed. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller()
export class OfficePagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly office: OfficeService,
    private readonly organisations: OrganisationRepository,
    private readonly feeds: CalendarFeeds,
  ) {}

  @Get('app/office')
  @Roles('secretariat', 'admin')
  async home(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const [overview, organisation] = await Promise.all([
      this.office.overview(me.organisationId),
      this.organisations.get(me.organisationId),
    ]);
    this.pages.send(
      res,
      200,
      officeHomePage(this.pages.context(req, res), {
        overview,
        organisationName: organisation?.name ?? '',
      }),
    );
  }

  @Get('app/agenda')
  @Roles('secretariat', 'admin')
  async agenda(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Query('revoked') revoked: unknown,
  ): Promise<void> {
    const ctx = this.pages.context(req, res);
    this.pages.send(
      res,
      200,
      agendaPage(ctx, {
        ...(await this.agendaWithFeed(me)),
        newFeedUrl: null,
        message: revoked === '1' ? ctx.t.ag.feedRevoked : null,
      }),
      SECRET_PAGE,
    );
  }

  /**
   * A new year agenda token for the person and, this once, its URL. The agenda has a token of
   * its own: the personal feed's keeps working, and the agenda link opens nothing else.
   */
  @Post('app/agenda/feed')
  @Roles('secretariat', 'admin')
  @UseGuards(CsrfGuard)
  async regenerate(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const token = await this.feeds.regenerate(me.organisationId, me.id, 'agenda');
    this.pages.send(
      res,
      200,
      agendaPage(this.pages.context(req, res, '/app/agenda'), {
        ...(await this.agendaWithFeed(me)),
        newFeedUrl: `${this.pages.publicUrl}/agenda/${token}.ics`,
        message: null,
      }),
      SECRET_PAGE,
    );
  }

  @Post('app/agenda/feed/revoke')
  @Roles('secretariat', 'admin')
  @UseGuards(CsrfGuard)
  async revoke(@CurrentPerson() me: AuthenticatedPerson, @Res() res: Response): Promise<void> {
    await this.feeds.revoke(me.organisationId, me.id, 'agenda');
    this.pages.redirect(res, '/app/agenda?revoked=1');
  }

  /** The SWV's agenda, and the person's agenda feed (its own token) if they made one. */
  private async agendaWithFeed(me: AuthenticatedPerson) {
    const [agenda, feed] = await Promise.all([
      this.office.agenda(me.organisationId),
      this.feeds.current(me.organisationId, me.id, 'agenda'),
    ]);
    return { agenda, feed };
  }

  /**
   * The year agenda as a feed. Public: the unguessable token (the person's agenda token, never
   * the personal feed's) is the credential; only while its owner is in the office
   * (secretariat, admin), else 404.
   */
  @Public()
  @Get('agenda/:token.ics')
  async feed(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const owner = await this.feeds.ownerOf(token, 'agenda');
    if (!owner || !owner.roles.some((role) => OFFICE_HOME_ROLES.includes(role))) {
      res
        .status(404)
        .set('Cache-Control', 'no-store')
        .type('text/plain')
        .send('Niet gevonden / Not found\n');
      return;
    }
    const agenda = await this.office.agenda(owner.organisationId);
    const body = renderCalendar({
      name: messagesFor(owner.locale).ag.feedCalendarName(owner.organisationName),
      now: new Date(),
      events: agendaEvents(agenda.entries, {
        locale: owner.locale,
        publicUrl: this.pages.publicUrl,
      }),
    });
    res
      .status(200)
      .set({
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': 'inline; filename="jaaragenda.ics"',
        'Cache-Control': 'private, no-store',
        'Referrer-Policy': 'no-referrer',
        'X-Content-Type-Options': 'nosniff',
      })
      .send(body);
  }
}
