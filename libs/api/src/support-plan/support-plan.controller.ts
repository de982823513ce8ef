import {
  type ArgumentMetadata,
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  type PipeTransform,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { codedText, renderText } from '@jaarcyclus/i18n';
import { SUPPORT_PLAN_YEARS } from '@jaarcyclus/workflows';
import type { Response } from 'express';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import { CurrentPerson, Roles } from '../auth/decorators';
import { SESSION_COOKIE } from '../auth/session.guard';
import { ErrorResponseDto, RequestValidationException } from '../common/api-errors';
import { CastVoteDto, SubmitRevisionDto } from '../budget/dto/budget.dto';
import {
  ReferDisputeDto,
  ResolveDisputeDto,
  StartSupportPlanCycleDto,
} from './dto/support-plan.dto';
import { periodOf, SupportPlanService } from './support-plan.service';

/** Everyone in the SWV may follow the cycle, as for the budget. */
const FOLLOWERS = [
  'admin',
  'secretariat',
  'director',
  'body_member',
  'school_contact',
  'ect_member',
] as const;

/**
 * The first year of a plan period from the path. Not declared `number`: the global validation
 * pipe would turn '2027-2031' into NaN before this pipe reads it.
 */
export type FirstYear = number & { readonly periodStart?: true };

/** `2027-2031`: a four-year plan period in the path; anything else is a 400 naming `period`. */
export class PeriodParamPipe implements PipeTransform<string, FirstYear> {
  transform(value: string, metadata: ArgumentMetadata): FirstYear {
    const m = /^(\d{4})-(\d{4})$/.exec(value);
    if (!m || Number(m[2]) !== Number(m[1]) + SUPPORT_PLAN_YEARS) {
      const field = metadata.data ?? 'period';
      const text = codedText('validation.notAWholeNumber', { field, example: '2027-2031' });
      throw new RequestValidationException([{ field, message: renderText('en', text), text }]);
    }
    return Number(m[1]);
  }
}
const period = new PeriodParamPipe();

@ApiTags('support plan cycle')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'Temporal is not reachable' })
@Controller('api/support-plan-cycles')
export class SupportPlanController {
  constructor(private readonly supportPlan: SupportPlanService) {}

  @Post('preview')
  @Roles('secretariat')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    description:
      'The bodies that will decide (from the SWV’s configuration) and every planned date: reminders, deadline, escalation, the day the plan takes effect and when the next plan is due',
  })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Overlaps another plan period' })
  preview(@CurrentPerson() me: AuthenticatedPerson, @Body() body: StartSupportPlanCycleDto) {
    return this.supportPlan.preview(me, body);
  }

  @Post()
  @Roles('secretariat')
  @ApiCreatedResponse({ description: 'Started; 200 with the existing cycle of that period' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Overlaps another plan period' })
  async start(
    @CurrentPerson() me: AuthenticatedPerson,
    @Body() body: StartSupportPlanCycleDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { created, status } = await this.supportPlan.start(me, body);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return { created, ...status };
  }

  @Get()
  @Roles(...FOLLOWERS)
  async list(@CurrentPerson() me: AuthenticatedPerson) {
    return (await this.supportPlan.list(me)).map((c) => ({
      workflowId: c.workflowId,
      period: periodOf(c.year),
      firstYear: c.year,
      title: c.title,
      status: c.status,
      updatedAt: c.updatedAt.toISOString(),
    }));
  }

  @Get(':period')
  @Roles(...FOLLOWERS)
  @ApiOkResponse({ description: 'Phase, rounds and tallies, disputes, adoption, timeline' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  status(@CurrentPerson() me: AuthenticatedPerson, @Param('period', period) firstYear: FirstYear) {
    return this.supportPlan.status(me, firstYear);
  }

  @Post(':period/votes')
  @Roles('body_member')
  @HttpCode(HttpStatus.OK)
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  vote(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('period', period) firstYear: FirstYear,
    @Body() body: CastVoteDto,
  ) {
    return this.supportPlan.vote(me, firstYear, body);
  }

  @Post(':period/dispute')
  @Roles('secretariat')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    description:
      'Records the referral of the withheld consent to the Commissie voor Geschillen Medezeggenschap; adoption waits for its ruling',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Consent was not withheld' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  referDispute(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('period', period) firstYear: FirstYear,
    @Body() body: ReferDisputeDto,
  ) {
    return this.supportPlan.referDispute(me, firstYear, body);
  }

  @Post(':period/dispute/ruling')
  @Roles('secretariat')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'Records the Commissie’s ruling and its date' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'No referred dispute is open' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  resolveDispute(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('period', period) firstYear: FirstYear,
    @Body() body: ResolveDisputeDto,
  ) {
    return this.supportPlan.resolveDispute(me, firstYear, body);
  }

  @Post(':period/revisions')
  @Roles('secretariat')
  @HttpCode(HttpStatus.OK)
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  revise(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('period', period) firstYear: FirstYear,
    @Body() body: SubmitRevisionDto,
  ) {
    return this.supportPlan.submitRevision(me, firstYear, body);
  }

  @Post(':period/adoption')
  @Roles('director')
  @HttpCode(HttpStatus.OK)
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'Not all bodies decided, or a dispute awaits the Commissie’s ruling',
  })
  adopt(@CurrentPerson() me: AuthenticatedPerson, @Param('period', period) firstYear: FirstYear) {
    return this.supportPlan.adopt(me, firstYear);
  }
}
