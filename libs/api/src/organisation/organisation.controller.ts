import { Body, Controller, Get, Patch } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import { CurrentPerson, READ_ROLES, Roles, WRITE_ROLES } from '../auth/decorators';
import { SESSION_COOKIE } from '../auth/session.guard';
import { ErrorResponseDto } from '../common/api-errors';
import { OrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto';
import { OrganisationService } from './organisation.service';

@ApiTags('organisation')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@Controller('api/organisation')
export class OrganisationController {
  constructor(private readonly organisations: OrganisationService) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOkResponse({ type: OrganisationDto, description: "The caller's own SWV" })
  async get(@CurrentPerson() me: AuthenticatedPerson): Promise<OrganisationDto> {
    return OrganisationDto.from(await this.organisations.get(me.organisationId));
  }

  @Patch()
  @Roles(...WRITE_ROLES)
  @ApiOkResponse({ type: OrganisationDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  async update(
    @CurrentPerson() me: AuthenticatedPerson,
    @Body() body: UpdateOrganisationDto,
  ): Promise<OrganisationDto> {
    return OrganisationDto.from(await this.organisations.update(me.organisationId, body));
  }
}
