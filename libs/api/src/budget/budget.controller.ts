import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { IntParamPipe } from '../common/int-param.pipe';
import {
  ApiAcceptedResponse,
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
import type { Response } from 'express';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import { CurrentPerson, Roles } from '../auth/decorators';
import { SESSION_COOKIE } from '../auth/session.guard';
import { ErrorResponseDto } from '../common/api-errors';
import { BudgetService } from './budget.service';
import {
  BodySelectorDto,
  CastVoteDto,
  ExtendDeadlineDto,
  StartBudgetCycleDto,
  SubmitRevisionDto,
} from './dto/budget.dto';

/** Everyone in the SWV may follow the cycle's state (docs/domain.md §1: "everyone can read the cycle's state"). */
const FOLLOWERS = [
  'admin',
  'secretariat',
  'director',
  'body_member',
  'school_contact',
  'ect_member',
] as const;

const yearPipe = new IntParamPipe();

@ApiTags('budget cycle')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'Temporal is not reachable' })
@Controller('api/budget-cycles')
export class BudgetController {
  constructor(private readonly budget: BudgetService) {}

  @Post('preview')
  @Roles('secretariat')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    description:
      'Every reminder, deadline, escalation and letter date of the cycle, before starting it',
  })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  preview(@CurrentPerson() me: AuthenticatedPerson, @Body() body: StartBudgetCycleDto) {
    return this.budget.preview(me, body);
  }

  @Post()
  @Roles('secretariat')
  @ApiCreatedResponse({
    description: 'Started; 200 with the existing cycle when that year already has one',
  })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  async start(
    @CurrentPerson() me: AuthenticatedPerson,
    @Body() body: StartBudgetCycleDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { created, status } = await this.budget.start(me, body);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return { created, ...status };
  }

  @Get()
  @Roles(...FOLLOWERS)
  async list(@CurrentPerson() me: AuthenticatedPerson) {
    return (await this.budget.list(me)).map((c) => ({
      workflowId: c.workflowId,
      year: c.year,
      title: c.title,
      status: c.status,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    }));
  }

  @Get(':year')
  @Roles(...FOLLOWERS)
  @ApiOkResponse({
    description:
      'Phase, round, per body the (weighted) tally, quorum, deadlines, timeline, and who has and has not voted: everyone for the secretariat, director and administrators; for a board member only their own votes',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  status(@CurrentPerson() me: AuthenticatedPerson, @Param('year', yearPipe) year: number) {
    return this.budget.status(me, year);
  }

  @Get(':year/audit')
  @Roles('admin', 'secretariat', 'director')
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async audit(@CurrentPerson() me: AuthenticatedPerson, @Param('year', yearPipe) year: number) {
    return (await this.budget.audit(me, year)).map((e) => ({
      id: e.id,
      occurredAt: e.occurredAt.toISOString(),
      round: e.round,
      actorPersonId: e.actorPersonId,
      action: e.action,
      bodyKey: e.bodyKey,
      weight: e.weight,
      value: e.value,
      comment: e.comment,
    }));
  }

  @Post(':year/votes')
  @Roles('body_member')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: "The body's tally after the vote" })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The round is closed' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponseDto,
    description: 'Not a member of that body, deadline passed, …',
  })
  vote(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('year', yearPipe) year: number,
    @Body() body: CastVoteDto,
  ) {
    return this.budget.vote(me, year, body);
  }

  @Post(':year/deadline')
  @Roles('secretariat')
  @HttpCode(HttpStatus.OK)
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  extend(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('year', yearPipe) year: number,
    @Body() body: ExtendDeadlineDto,
  ) {
    return this.budget.extendDeadline(me, year, body);
  }

  @Post(':year/close')
  @Roles('secretariat')
  @HttpCode(HttpStatus.OK)
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  close(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('year', yearPipe) year: number,
    @Body() body: BodySelectorDto,
  ) {
    return this.budget.closeRound(me, year, body);
  }

  @Post(':year/revisions')
  @Roles('secretariat')
  @HttpCode(HttpStatus.OK)
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Only after a rejection' })
  revise(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('year', yearPipe) year: number,
    @Body() body: SubmitRevisionDto,
  ) {
    return this.budget.submitRevision(me, year, body);
  }

  @Post(':year/adoption')
  @Roles('director')
  @HttpCode(HttpStatus.OK)
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'Not all approvals and consent are in yet',
  })
  adopt(@CurrentPerson() me: AuthenticatedPerson, @Param('year', yearPipe) year: number) {
    return this.budget.adopt(me, year);
  }

  @Post(':year/reminders')
  @Roles('secretariat')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({
    description: 'Members who have not voted are reminded now, or at the next business moment',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async remind(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('year', yearPipe) year: number,
    @Body() body: BodySelectorDto,
  ) {
    await this.budget.remindNow(me, year, body);
    return { accepted: true };
  }
}
