import { Body, Controller, Get, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiConsumes,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { CATALOGUE } from '@jaarcyclus/i18n';
import type { Request, Response } from 'express';
import { AuthService } from '@jaarcyclus/api/auth/auth.service';
import type { AuthenticatedRequest } from '@jaarcyclus/api/auth/authenticated-person';
import { Public } from '@jaarcyclus/api/auth/decorators';
import { safeReturnPath } from '@jaarcyclus/api/auth/return-path';
import { sessionTokenOf } from '@jaarcyclus/api/auth/session.guard';
import { MeDto, SessionResponseDto, VerifyTokenDto } from '@jaarcyclus/api/auth/dto/auth.dto';
import { ErrorResponseDto } from '@jaarcyclus/api/common/api-errors';
import { isCrossSiteRequest } from '../csrf';
import { errorPage } from '../pages/error.pages';
import { invalidSignInLinkPage, signedInPage, signInLinkPage } from '../pages/auth.pages';
import { WebPages } from '../web-pages';

/** For API clients: one answer in both languages (an API client has no language of its own). */
export const INVALID_LINK_MESSAGE = `${CATALOGUE.nl.web.linkInvalidApi} (${CATALOGUE.en.web.linkInvalidApi})`;

/** For API clients whose request came from another site's page (never a plain API client). */
export const CROSS_SITE_MESSAGE = 'Sign-in must be posted from this site (Origin / Sec-Fetch-Site)';

/**
 * The token is in the URL, so the pages send no Referer (not even to this site's own style
 * sheet) and are never cached; they set no cookie before the button is pressed.
 */
const LINK_HEADERS: Record<string, string> = { 'Referrer-Policy': 'no-referrer' };

/**
 * The target of the e-mailed sign-in link, in the web app's one page shell. API clients post
 * the token as JSON and get the session as JSON; the page's form post gets a page. Errors of the
 * request itself (a missing token) are the api's JSON answers, as for every API client.
 */
@ApiTags('auth')
@Public()
@Controller('auth/verify')
export class SignInLinkController {
  constructor(
    private readonly auth: AuthService,
    private readonly pages: WebPages,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Page behind the sign-in link',
    description:
      'Shows a button that posts the token. Does not consume the token: mail scanners open links too.',
  })
  @ApiQuery({ name: 'token', required: true })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'A page with an "Inloggen" button' })
  @ApiGoneResponse({ description: 'The link is unknown, used or expired' })
  @ApiQuery({ name: 'next', required: false, description: 'Page on this site to open after' })
  async show(
    @Query('token') token: unknown,
    @Query('next') nextParam: unknown,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const usable =
      typeof token === 'string' &&
      token.length <= 200 &&
      (await this.auth.isLoginTokenUsable(token));
    const ctx = this.pages.anonymousContext(req);
    const next = safeReturnPath(nextParam);
    this.pages.send(
      res,
      usable ? HttpStatus.OK : HttpStatus.GONE,
      usable
        ? signInLinkPage(ctx, token, next)
        : invalidSignInLinkPage(ctx, { next, signedInAs: await this.signedInName(req) }),
      LINK_HEADERS,
    );
  }

  /** The name of whoever is still signed in in this browser (a spent link opened again). */
  private async signedInName(req: Request): Promise<string | null> {
    const token = sessionTokenOf(req as AuthenticatedRequest, this.pages.sessionCookie);
    return token ? ((await this.auth.authenticate(token))?.name ?? null) : null;
  }

  @Post()
  @ApiOperation({
    summary: 'Exchange the sign-in token for a session',
    description:
      'Consumes the token (once). Sets the HttpOnly jc_session cookie (__Host-jc_session over https). JSON requests get the session as JSON; form posts (the page behind the link) get an HTML page. A browser request from another site (Origin or Sec-Fetch-Site not this site) is refused with 403 (login CSRF); API clients send neither header.',
  })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiGoneResponse({ type: ErrorResponseDto, description: 'The link is unknown, used or expired' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Posted from another site' })
  async verify(
    @Body() body: VerifyTokenDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const fromForm = Boolean(req.is('application/x-www-form-urlencoded'));
    if (isCrossSiteRequest(req, this.pages.publicUrl)) {
      // Another site's page posting its own link: it would sign the visitor in as the attacker.
      if (fromForm) {
        const ctx = this.pages.anonymousContext(req);
        this.pages.send(res, HttpStatus.FORBIDDEN, errorPage(ctx, 'csrf'), LINK_HEADERS);
      } else {
        res.status(HttpStatus.FORBIDDEN).json({
          statusCode: 403,
          error: 'Forbidden',
          message: CROSS_SITE_MESSAGE,
        } satisfies ErrorResponseDto);
      }
      return;
    }
    const signedIn = await this.auth.signIn(body.token);
    if (!signedIn) {
      if (fromForm) {
        const ctx = this.pages.anonymousContext(req);
        this.pages.send(
          res,
          HttpStatus.GONE,
          invalidSignInLinkPage(ctx, {
            next: safeReturnPath(body.next),
            signedInAs: await this.signedInName(req),
          }),
          LINK_HEADERS,
        );
      } else {
        res.status(HttpStatus.GONE).json({
          statusCode: 410,
          error: 'Gone',
          message: INVALID_LINK_MESSAGE,
        } satisfies ErrorResponseDto);
      }
      return;
    }
    res.cookie(this.pages.sessionCookie, signedIn.sessionToken, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.pages.secureCookies,
      path: '/',
      expires: signedIn.expiresAt,
    });
    if (fromForm) {
      const ctx = this.pages.anonymousContext(req);
      this.pages.send(
        res,
        HttpStatus.OK,
        signedInPage(
          ctx,
          signedIn.person.name,
          signedIn.person.organisation.name,
          safeReturnPath(body.next),
        ),
        LINK_HEADERS,
      );
      return;
    }
    res
      .status(HttpStatus.OK)
      .set('Cache-Control', 'no-store')
      .json({
        sessionToken: signedIn.sessionToken,
        expiresAt: signedIn.expiresAt.toISOString(),
        person: MeDto.from(signedIn.person),
      } satisfies SessionResponseDto);
  }
}
