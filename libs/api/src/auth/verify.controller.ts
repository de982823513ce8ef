import { Body, Controller, Get, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiConsumes,
  ApiGoneResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorResponseDto } from '../common/api-errors';
import { ApiConfig } from '../config';
import { AuthService } from './auth.service';
import { Public } from './decorators';
import { MeDto, SessionResponseDto, VerifyTokenDto } from './dto/auth.dto';
import { SESSION_COOKIE } from './session.guard';
import {
  confirmSignInPage,
  INVALID_LINK_MESSAGE,
  invalidLinkPage,
  signedInPage,
} from './verify-pages';

/**
 * The target of the emailed link. The token is in the URL, so the pages send no Referer and are
 * never cached; they load nothing from elsewhere and cannot be framed.
 */
const PAGE_HEADERS: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

@ApiTags('auth')
@Public()
@Controller('auth/verify')
export class VerifyController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: ApiConfig,
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
  async show(@Query('token') token: unknown, @Res() res: Response): Promise<void> {
    const usable =
      typeof token === 'string' &&
      token.length <= 200 &&
      (await this.auth.isLoginTokenUsable(token));
    res
      .status(usable ? HttpStatus.OK : HttpStatus.GONE)
      .set(PAGE_HEADERS)
      .send(usable ? confirmSignInPage(token) : invalidLinkPage());
  }

  @Post()
  @ApiOperation({
    summary: 'Exchange the sign-in token for a session',
    description:
      'Consumes the token (once). Sets the HttpOnly jc_session cookie. JSON requests get the session as JSON; form posts (the page behind the link) get an HTML page.',
  })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiGoneResponse({ type: ErrorResponseDto, description: 'The link is unknown, used or expired' })
  async verify(
    @Body() body: VerifyTokenDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const fromForm = Boolean(req.is('application/x-www-form-urlencoded'));
    const signedIn = await this.auth.signIn(body.token);
    if (!signedIn) {
      if (fromForm) {
        res.status(HttpStatus.GONE).set(PAGE_HEADERS).send(invalidLinkPage());
      } else {
        res.status(HttpStatus.GONE).json({
          statusCode: 410,
          error: 'Gone',
          message: INVALID_LINK_MESSAGE,
        } satisfies ErrorResponseDto);
      }
      return;
    }
    res.cookie(SESSION_COOKIE, signedIn.sessionToken, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.secureCookies,
      path: '/',
      expires: signedIn.expiresAt,
    });
    if (fromForm) {
      res
        .status(HttpStatus.OK)
        .set(PAGE_HEADERS)
        .send(signedInPage(signedIn.person.name, signedIn.person.organisation.name));
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
