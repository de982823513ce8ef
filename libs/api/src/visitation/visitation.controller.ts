import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Res,
  UseFilters,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import { CurrentPerson, Roles } from '../auth/decorators';
import { SESSION_COOKIE } from '../auth/session.guard';
import { FieldValidationFilter } from '../accountability/field-errors';
import { ErrorResponseDto } from '../common/api-errors';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import {
  AnswerDto,
  CancelDto,
  CreateProgrammeDto,
  FollowUpDto,
  LockDto,
  MoveDto,
  PartnerDto,
  ProposeDto,
  RemindDto,
  ReportDto,
  RescheduleDto,
  SwapDto,
  VisitorDto,
} from './dto/visitation.dto';
import { VisitationService } from './visitation.service';

/** The SWV's office reads programmes; the secretariat (and admin) changes them. */
const OFFICE = ['secretariat', 'director', 'admin'] as const;
const EDITORS = ['secretariat', 'admin'] as const;

@ApiTags('visitation')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown, or another SWV’s' })
@UseFilters(FieldValidationFilter)
@Controller('api/visitation-programmes')
export class VisitationProgrammesController {
  constructor(private readonly service: VisitationService) {}

  @Post()
  @Roles(...EDITORS)
  @ApiCreatedResponse({ description: 'The programme, a draft without a proposal' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'Every invalid field' })
  create(@CurrentPerson() me: AuthenticatedPerson, @Body() body: CreateProgrammeDto) {
    return this.service.create(me, body);
  }

  @Get()
  @Roles(...OFFICE)
  @ApiOkResponse({ description: 'The SWV’s programmes, newest school year first' })
  list(@CurrentPerson() me: AuthenticatedPerson) {
    return this.service.list(me);
  }

  @Get(':id')
  @Roles(...OFFICE)
  @ApiOkResponse({ description: 'Hosts, visitors, locks, the newest proposal, published visits' })
  get(@CurrentPerson() me: AuthenticatedPerson, @Param('id', UuidParamPipe) id: string) {
    return this.service.detail(me, id);
  }

  @Post(':id/proposals')
  @Roles(...EDITORS)
  @ApiCreatedResponse({
    description:
      'The solver’s proposal around the locks: objective, gap, what binds; when none exists, why (in the reader’s language)',
  })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Published already' })
  propose(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ProposeDto,
  ) {
    return this.service.propose(me, id, body.timeLimitSeconds);
  }

  @Post(':id/locks')
  @Roles(...EDITORS)
  @ApiCreatedResponse({ description: 'Every lock of the programme' })
  lock(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: LockDto,
  ) {
    return this.service.lock(me, id, body);
  }

  @Delete(':id/locks')
  @Roles(...EDITORS)
  @ApiOkResponse({ description: 'No locks left' })
  clearLocks(@CurrentPerson() me: AuthenticatedPerson, @Param('id', UuidParamPipe) id: string) {
    return this.service.clearLocks(me, id);
  }

  @Post(':id/swap')
  @Roles(...EDITORS)
  @ApiCreatedResponse({ description: 'A new proposal with two visitors swapped, checked' })
  swap(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: SwapDto,
  ) {
    return this.service.swap(me, id, body);
  }

  @Post(':id/move')
  @Roles(...EDITORS)
  @ApiCreatedResponse({ description: 'A new proposal with one visit on another date, checked' })
  move(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: MoveDto,
  ) {
    return this.service.move(me, id, body);
  }

  @Post(':id/publish')
  @Roles(...EDITORS)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'Published; one workflow per visit is started' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'No valid proposal' })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'Temporal unreachable' })
  publish(@CurrentPerson() me: AuthenticatedPerson, @Param('id', UuidParamPipe) id: string) {
    return this.service.publish(me, id);
  }

  @Post(':id/partners')
  @Roles(...EDITORS)
  @ApiCreatedResponse({ description: 'A partner SWV linked; it must accept before it takes part' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'No SWV with this code' })
  linkPartner(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: PartnerDto,
  ) {
    return this.service.linkPartner(me, id, body.partner);
  }

  @Post(':id/visitors')
  @Roles(...EDITORS)
  @ApiCreatedResponse({ description: 'One of the SWV’s own people added to the pool' })
  addVisitor(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: VisitorDto,
  ) {
    return this.service.addVisitor(me, id, body, false);
  }

  @Get(':id/schedule')
  @ApiOkResponse({
    description:
      'The public schedule (hosts and dates, no people): the SWV’s office and people of an accepted partner SWV',
  })
  schedule(@CurrentPerson() me: AuthenticatedPerson, @Param('id', UuidParamPipe) id: string) {
    return this.service.publicSchedule(me, id);
  }

  @Get(':id/overview')
  @Roles(...OFFICE)
  @ApiOkResponse({ description: 'Status per visit, overdue steps, open follow-up actions' })
  overview(@CurrentPerson() me: AuthenticatedPerson, @Param('id', UuidParamPipe) id: string) {
    return this.service.overview(me, id);
  }

  @Get(':id/overview.csv')
  @Roles(...OFFICE)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The overview for Dutch Excel (UTF-8 with BOM, ";")' })
  async overviewCsv(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const csv = await this.service.overviewCsv(me, id);
    res.setHeader('Content-Disposition', 'attachment; filename="visitaties.csv"');
    return csv;
  }
}

@ApiTags('visitation')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({
  type: ErrorResponseDto,
  description: 'Unknown, another SWV’s, or not yours',
})
@ApiConflictResponse({ type: ErrorResponseDto })
@ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'Temporal unreachable' })
@Controller('api/visits')
export class VisitsController {
  constructor(private readonly service: VisitationService) {}

  @Get('mine')
  @ApiOkResponse({ description: 'The visits the person hosts or visits' })
  mine(@CurrentPerson() me: AuthenticatedPerson) {
    return this.service.mine(me);
  }

  @Get(':id')
  get(@CurrentPerson() me: AuthenticatedPerson, @Param('id', UuidParamPipe) id: string) {
    return this.service.visit(me, id);
  }

  @Post(':id/answer')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'Confirmed, or declined (the seat is re-solved)' })
  answer(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: AnswerDto,
  ) {
    return this.service.answer(me, id, body);
  }

  @Post(':id/reports')
  @HttpCode(HttpStatus.OK)
  report(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ReportDto,
  ) {
    return this.service.report(me, id, body);
  }

  @Post(':id/reschedule')
  @Roles(...EDITORS)
  @HttpCode(HttpStatus.OK)
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  reschedule(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: RescheduleDto,
  ) {
    return this.service.reschedule(me, id, body.visitDate);
  }

  @Post(':id/remind')
  @Roles(...EDITORS)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    description:
      'Reminded now, with the timed reminder’s mail: only whoever still owes the step (how many)',
  })
  remind(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: RemindDto,
  ) {
    return this.service.remindNow(me, id, body.step);
  }

  @Post(':id/cancel')
  @Roles(...EDITORS)
  @HttpCode(HttpStatus.OK)
  cancel(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: CancelDto,
  ) {
    return this.service.cancel(me, id, body.reason);
  }

  @Post(':id/follow-ups')
  @HttpCode(HttpStatus.OK)
  addFollowUp(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: FollowUpDto,
  ) {
    return this.service.addFollowUp(me, id, body);
  }

  @Post(':id/follow-ups/:key/done')
  @HttpCode(HttpStatus.OK)
  completeFollowUp(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Param('key') key: string,
  ) {
    return this.service.completeFollowUp(me, id, key);
  }

  @Post(':id/follow-up-check')
  @Roles(...EDITORS)
  @HttpCode(HttpStatus.OK)
  completeCheck(@CurrentPerson() me: AuthenticatedPerson, @Param('id', UuidParamPipe) id: string) {
    return this.service.completeCheck(me, id);
  }
}

/** A partner SWV's side of a joint programme: the links to accept, its own visitors. */
@ApiTags('visitation')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No link to this SWV' })
@Controller('api/visitation-partnerships')
export class VisitationPartnershipsController {
  constructor(private readonly service: VisitationService) {}

  @Get()
  @Roles(...EDITORS)
  @ApiOkResponse({ description: 'Programmes of other SWVs this SWV is linked to' })
  list(@CurrentPerson() me: AuthenticatedPerson) {
    return this.service.partnerships(me);
  }

  @Post(':programmeId/accept')
  @Roles(...EDITORS)
  @HttpCode(HttpStatus.OK)
  accept(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('programmeId', UuidParamPipe) programmeId: string,
  ) {
    return this.service.acceptPartnership(me, programmeId);
  }

  @Post(':programmeId/visitors')
  @Roles(...EDITORS)
  @ApiCreatedResponse({ description: 'One of the partner’s own people nominated as visitor' })
  addVisitor(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('programmeId', UuidParamPipe) programmeId: string,
    @Body() body: VisitorDto,
  ) {
    return this.service.addVisitor(me, programmeId, body, true);
  }
}
