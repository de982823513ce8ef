import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import { CurrentPerson, Roles } from '../auth/decorators';
import { SESSION_COOKIE } from '../auth/session.guard';
import { ErrorResponseDto } from '../common/api-errors';
import { type OfficeAgenda, type OfficeOverview, OfficeService } from './office.service';

/** The office's home (issue #16): every cycle of the SWV at once; secretariat and admin only. */
@ApiTags('office')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@Controller('api/office')
export class OfficeController {
  constructor(private readonly office: OfficeService) {}

  @Get('overview')
  @Roles('secretariat', 'admin')
  @ApiOkResponse({
    description:
      'What runs (every cycle kind; schakeltrajecten as counts per phase, no pupil data), what needs attention today (late schools, bodies without quorum near their deadline, escalations, refused and retried mails, overdue tasks incl. visit steps) and the next dates',
  })
  overview(@CurrentPerson() me: AuthenticatedPerson): Promise<OfficeOverview> {
    return this.office.overview(me.organisationId);
  }

  @Get('agenda')
  @Roles('secretariat', 'admin')
  @ApiOkResponse({
    description:
      'Every date of the SWV (deadlines grouped per cycle and task kind, visitation days, allocation letters) from the first of last month through twelve months ahead',
  })
  agenda(@CurrentPerson() me: AuthenticatedPerson): Promise<OfficeAgenda> {
    return this.office.agenda(me.organisationId);
  }
}
