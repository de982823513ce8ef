import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { PlatformRoles } from '../auth/decorators';
import { SESSION_COOKIE } from '../auth/session.guard';
import { ErrorResponseDto } from '../common/api-errors';
import { OnboardedOrganisationDto, OnboardOrganisationDto } from './dto/onboarding.dto';
import { OnboardingService } from './onboarding.service';

/**
 * The platform's own administration, across SWVs: only a person with the platform role
 * `platform_admin` (granted on the server: `npm run platform -- grant <email>`); an SWV's
 * administrator gets 403 like everyone else signed in.
 */
@ApiTags('platform')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'No valid session' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not a platform administrator' })
@PlatformRoles('platform_admin')
@Controller('api/platform')
export class PlatformController {
  constructor(private readonly onboarding: OnboardingService) {}

  @Post('organisations')
  @HttpCode(HttpStatus.CREATED)
  @ApiCreatedResponse({
    type: OnboardedOrganisationDto,
    description: 'The SWV, its bodies and its administrator, who is mailed a sign-in link',
  })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'A field and its rule' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The slug or the address is taken' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponseDto,
    description: 'An incoherent voting rule',
  })
  onboard(@Body() body: OnboardOrganisationDto): Promise<OnboardedOrganisationDto> {
    return this.onboarding.onboard(body);
  }
}
