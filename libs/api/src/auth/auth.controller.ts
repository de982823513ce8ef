import { codedText, renderText } from '@jaarcyclus/i18n';
import { Body, Controller, HttpCode, HttpStatus, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorResponseDto } from '../common/api-errors';
import { ApiConfig } from '../config';
import { AuthService } from './auth.service';
import type { AuthenticatedPerson } from './authenticated-person';
import { CurrentPerson, Public } from './decorators';
import { LoginRequestDto } from './dto/auth.dto';
import { LoginRateLimitGuard } from './login-rate-limit';
import { SESSION_COOKIE } from './session.guard';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: ApiConfig,
  ) {}

  @Public()
  @Post('login')
  @UseGuards(LoginRateLimitGuard)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Request a sign-in link by email',
    description:
      'Always 202, whether or not the address has an account. An active person receives a link valid for 15 minutes. 429 with Retry-After beyond LOGIN_RATE_PER_IP requests per client or LOGIN_RATE_PER_ADDRESS per address in 15 minutes.',
  })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  @ApiAcceptedResponse({
    description: 'If the address belongs to an active account, a sign-in link is on its way',
  })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  async login(@Body() body: LoginRequestDto): Promise<{ message: string }> {
    await this.auth.requestLogin(body.email);
    // In Dutch, as it always answered (an API client has no language of its own).
    return { message: renderText('nl', codedText('notice.signInLinkSent')) };
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOperation({ summary: 'End the current session' })
  @ApiNoContentResponse()
  async logout(
    @CurrentPerson() person: AuthenticatedPerson,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.signOut(person);
    res.clearCookie(this.config.sessionCookie, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.secureCookies,
      path: '/',
    });
  }
}
