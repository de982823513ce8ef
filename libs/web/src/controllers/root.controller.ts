import {
  Body,
  Controller,
  Get,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthService, LOGIN_TOKEN_TTL_MINUTES } from '@jaarcyclus/api/auth/auth.service';
import { ApiConfig } from '@jaarcyclus/api/config';
import type {
  AuthenticatedPerson,
  AuthenticatedRequest,
} from '@jaarcyclus/api/auth/authenticated-person';
import { CurrentPerson, Public } from '@jaarcyclus/api/auth/decorators';
import { LoginRequestDto } from '@jaarcyclus/api/auth/dto/auth.dto';
import { safeReturnPath } from '@jaarcyclus/api/auth/return-path';
import { LoginRateLimitGuard } from '@jaarcyclus/api/auth/login-rate-limit';
import { sessionTokenOf } from '@jaarcyclus/api/auth/session.guard';
import { CsrfGuard } from '../csrf';
import { formFields, text, validateForm } from '../forms';
import { isLocale } from '../i18n';
import { homePathOf } from '../layout';
import { checkEmailPage, loginPage, logoutPage, type LoginReason } from '../pages/auth.pages';
import { WebExceptionFilter } from '../web-exception.filter';
import { LOCALE_COOKIE, safeLocalPath, WebPages } from '../web-pages';

const LOGIN_REASONS: LoginReason[] = ['expired', 'sign-in', 'signed-out'];

/** Start page, sign-in, sign-out and the language switch. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller()
export class RootController {
  constructor(
    private readonly pages: WebPages,
    private readonly auth: AuthService,
    private readonly config: ApiConfig,
  ) {}

  @Public()
  @Get()
  async home(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    const person = await this.signedIn(req);
    res.redirect(302, person ? homePathOf(person) : '/login');
  }

  /** Where sign-in lands: the office's overview for the secretariat and admin, else the tasks. */
  @Public()
  @Get('app')
  async appHome(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    const person = await this.signedIn(req);
    res.redirect(302, person ? homePathOf(person) : '/app/tasks');
  }

  @Public()
  @Get('login')
  async login(
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Query('reason') reason: unknown,
    @Query('next') nextParam: unknown,
  ): Promise<void> {
    // `next`: the page that asked for a session (a link from an e-mail); the sign-in link carries it.
    const next = safeReturnPath(nextParam);
    const person = await this.signedIn(req);
    if (person) return res.redirect(302, next ?? homePathOf(person));
    const known = LOGIN_REASONS.find((r) => r === reason) ?? null;
    this.pages.send(
      res,
      200,
      loginPage(this.pages.context(req, res), { email: '', errors: [], reason: known, next }),
    );
  }

  /**
   * Same semantics as POST /api/auth/login: the answer does not depend on whether the address
   * has an account (no enumeration); the mail goes out after the response.
   */
  @Public()
  @Post('login')
  @UseGuards(CsrfGuard, LoginRateLimitGuard)
  async requestLink(
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const fields = formFields(body);
    const next = safeReturnPath(text(fields, 'next'));
    const input = await validateForm(LoginRequestDto, { email: text(fields, 'email') });
    if (!input.ok) {
      const ctx = this.pages.context(req, res, '/login');
      this.pages.send(
        res,
        422,
        loginPage(ctx, { email: text(fields, 'email'), errors: input.errors, reason: null, next }),
      );
      return;
    }
    await this.auth.requestLogin(input.value.email, next);
    this.pages.redirect(res, '/login/check-email');
  }

  @Public()
  @Get('login/check-email')
  checkEmail(@Req() req: AuthenticatedRequest, @Res() res: Response): void {
    this.pages.send(
      res,
      200,
      checkEmailPage(
        this.pages.context(req, res),
        LOGIN_TOKEN_TTL_MINUTES,
        this.config.loginLinksPerPerson,
      ),
    );
  }

  /**
   * /logout typed into the address bar (or a bookmark): a page with the sign-out button, since a
   * GET changes nothing; a visitor who is not signed in goes to the sign-in page.
   */
  @Public()
  @Get('logout')
  async logoutPage(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    const token = sessionTokenOf(req, this.pages.sessionCookie);
    const person = token ? await this.auth.authenticate(token) : null;
    if (!person) return res.redirect(302, '/login');
    req.person = person;
    this.pages.send(res, 200, logoutPage(this.pages.context(req, res)));
  }

  @Post('logout')
  @UseGuards(CsrfGuard)
  async logout(@CurrentPerson() person: AuthenticatedPerson, @Res() res: Response): Promise<void> {
    await this.auth.signOut(person);
    res.clearCookie(this.pages.sessionCookie, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.pages.secureCookies,
      path: '/',
    });
    this.pages.redirect(res, '/login?reason=signed-out');
  }

  /** Stores the language choice in a cookie (a year) and returns to the page it came from. */
  @Public()
  @Post('lang')
  @UseGuards(CsrfGuard)
  switchLanguage(@Res() res: Response, @Body() body: Record<string, unknown>): void {
    const fields = formFields(body);
    const lang = text(fields, 'lang');
    if (isLocale(lang)) {
      res.cookie(LOCALE_COOKIE, lang, {
        httpOnly: true,
        sameSite: 'lax',
        secure: this.pages.secureCookies,
        path: '/',
        maxAge: 365 * 24 * 60 * 60 * 1000,
      });
    }
    this.pages.redirect(res, safeLocalPath(text(fields, 'next')));
  }

  private async signedIn(req: AuthenticatedRequest): Promise<AuthenticatedPerson | null> {
    const token = sessionTokenOf(req, this.pages.sessionCookie);
    return token === null ? null : await this.auth.authenticate(token);
  }
}
