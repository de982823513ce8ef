import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
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
import { randomUUID } from 'node:crypto';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import { AlsoBestuurder, CurrentPerson, Roles } from '../auth/decorators';
import { SESSION_COOKIE } from '../auth/session.guard';
import { ErrorResponseDto } from '../common/api-errors';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { IntParamPipe } from '../common/int-param.pipe';
import { AccountabilityCyclesService } from './accountability-cycles.service';
import { AccountabilityFormatsService } from './accountability-formats.service';
import {
  AccountabilityCommentDto,
  AccountabilityFiguresDto,
  ExtendSchoolDeadlineDto,
  OverviewFilterDto,
  PublishAccountabilityFormatDto,
  RemindLateSchoolsDto,
  ReviewAccountabilityDto,
  StartAccountabilityCycleDto,
  WaiveSchoolDto,
} from './dto/accountability.dto';
import { FieldValidationFilter } from './field-errors';
import { SchoolAccountabilityService } from './school-accountability.service';

/** The SWV's office: sees every school's accountability. */
const OFFICE = ['secretariat', 'director', 'admin'] as const;
/** Everyone who may see some school's accountability (which school is checked per request). */
const SCHOOL_READERS = [...OFFICE, 'school_contact', 'ect_member'] as const;

const yearPipe = new IntParamPipe();

@ApiTags('accountability')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@UseFilters(FieldValidationFilter)
@Controller('api/accountability/formats')
export class AccountabilityFormatsController {
  constructor(private readonly formats: AccountabilityFormatsService) {}

  @Get()
  @Roles(...SCHOOL_READERS)
  @ApiOkResponse({ description: 'Every version of the SWV’s format, newest first' })
  list(@CurrentPerson() me: AuthenticatedPerson) {
    return this.formats.list(me);
  }

  @Get(':version')
  @Roles(...SCHOOL_READERS)
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('version', new IntParamPipe('2'))
    version: number,
  ) {
    return this.formats.get(me, version);
  }

  @Post()
  @Roles('admin', 'secretariat')
  @ApiCreatedResponse({ description: 'Published as the next version; running cycles keep theirs' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'Every invalid field' })
  publish(@CurrentPerson() me: AuthenticatedPerson, @Body() body: PublishAccountabilityFormatDto) {
    return this.formats.publish(me, body);
  }
}

@ApiTags('accountability')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'Temporal is not reachable' })
@UseFilters(FieldValidationFilter)
@Controller('api/accountability-cycles')
export class AccountabilityCyclesController {
  constructor(
    private readonly cycles: AccountabilityCyclesService,
    private readonly schools: SchoolAccountabilityService,
  ) {}

  @Post()
  @Roles('secretariat')
  @ApiCreatedResponse({
    description: 'Started; 200 with the existing cycle when that year already has one',
  })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  async start(
    @CurrentPerson() me: AuthenticatedPerson,
    @Body() body: StartAccountabilityCycleDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { created, overview } = await this.cycles.start(me, body);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return { created, ...overview };
  }

  @Post('preview')
  @Roles('secretariat')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    description:
      'The dates a school of a cycle started now with these settings would see (invitation, reminders, deadline, escalation, the first overdue reminders), as its workflow plans them; nothing is started',
  })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  preview(@CurrentPerson() me: AuthenticatedPerson, @Body() body: StartAccountabilityCycleDto) {
    return this.cycles.preview(me, body);
  }

  @Get()
  @Roles(...OFFICE)
  @ApiOkResponse({ description: 'The SWV’s accountability cycles, newest accounting year first' })
  async list(@CurrentPerson() me: AuthenticatedPerson) {
    return (await this.cycles.list(me)).map((c) => ({
      workflowId: c.workflowId,
      accountingYear: c.year,
      title: c.title,
      status: c.status,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    }));
  }

  @Get(':year')
  @Roles(...OFFICE)
  @ApiOkResponse({
    description:
      'Per school: status, days late (as of now), deduction; filtered by status, board or name',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  overview(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('year', yearPipe) year: number,
    @Query() filter: OverviewFilterDto,
  ) {
    return this.cycles.overview(me, year, new Date(), filter);
  }

  @Get(':year/overview.csv')
  @Roles(...OFFICE)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The overview for Excel (nl): UTF-8 with BOM, ";" and decimal comma',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async overviewCsv(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('year', yearPipe) year: number,
    @Query() filter: OverviewFilterDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const csv = await this.cycles.overviewCsv(me, year, new Date(), filter);
    res.setHeader('Content-Disposition', `attachment; filename="verantwoording-${year}.csv"`);
    return csv;
  }

  @Post(':year/remind-late')
  @Roles('secretariat')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    description:
      'One reminder to the contacts of every late school, at the school’s next business moment: how many were queued, already waiting, or could not be reminded (started before this existed)',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto })
  async remindLate(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('year', yearPipe) year: number,
    @Body() body: RemindLateSchoolsDto,
  ) {
    await this.cycles.overview(me, year);
    return this.schools.remindLate(me, year, body.requestId ?? randomUUID());
  }

  @Get(':year/schools')
  @Roles(...SCHOOL_READERS)
  @AlsoBestuurder()
  @ApiOkResponse({ description: 'The schools of the cycle the signed-in person may see' })
  schoolsFor(@CurrentPerson() me: AuthenticatedPerson, @Param('year', yearPipe) year: number) {
    return this.cycles.schoolsFor(me, year);
  }

  @Get(':year/schools/:schoolId')
  @Roles(...SCHOOL_READERS)
  @AlsoBestuurder()
  @ApiOkResponse({ description: 'Status, the current draft and submission, every version' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Not a school the person may see' })
  school(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('year', yearPipe) year: number,
    @Param('schoolId', UuidParamPipe) schoolId: string,
  ) {
    return this.schools.detail(me, year, schoolId);
  }

  @Get(':year/schools/:schoolId/comments')
  @Roles(...SCHOOL_READERS)
  @AlsoBestuurder()
  @ApiOkResponse({
    description:
      'The conversation: the secretariat’s review comments per version and the replies of school and secretariat, oldest first',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Not a school the person may see' })
  comments(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('year', yearPipe) year: number,
    @Param('schoolId', UuidParamPipe) schoolId: string,
  ) {
    return this.schools.conversation(me, year, schoolId);
  }

  @Post(':year/schools/:schoolId/comments')
  @Roles('secretariat', 'school_contact')
  @ApiCreatedResponse({ description: 'The reply is added to the conversation' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'No comment of the secretariat yet, or accepted or waived',
  })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  reply(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('year', yearPipe) year: number,
    @Param('schoolId', UuidParamPipe) schoolId: string,
    @Body() body: AccountabilityCommentDto,
  ) {
    // The secretariat answers as the office; a school contact as the school.
    const side = me.roles.includes('secretariat') ? 'office' : 'school';
    return this.schools.reply(me, year, schoolId, side, body.comment);
  }

  @Get(':year/schools/:schoolId/mails')
  @Roles(...OFFICE)
  @ApiOkResponse({
    description:
      'Every e-mail about the school’s accountability (invitation, reminders, escalations, review outcomes), oldest first, with recipient and delivery status',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  mails(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('year', yearPipe) year: number,
    @Param('schoolId', UuidParamPipe) schoolId: string,
  ) {
    return this.schools.mailHistory(me, year, schoolId);
  }

  @Put(':year/schools/:schoolId/draft')
  @Roles('school_contact')
  @ApiOkResponse({ description: 'Saved; `problems` lists what submitting would still refuse' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Accepted or waived' })
  saveDraft(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('year', yearPipe) year: number,
    @Param('schoolId', UuidParamPipe) schoolId: string,
    @Body() body: AccountabilityFiguresDto,
  ) {
    return this.schools.saveDraft(me, year, schoolId, body);
  }

  @Post(':year/schools/:schoolId/submissions')
  @Roles('school_contact')
  @ApiCreatedResponse({ description: 'Submitted; waits for review by the secretariat' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'Accepted, waived, or a version is waiting for review',
  })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'Every invalid field' })
  submit(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('year', yearPipe) year: number,
    @Param('schoolId', UuidParamPipe) schoolId: string,
    @Body() body: AccountabilityFiguresDto,
  ) {
    return this.schools.submit(me, year, schoolId, body);
  }

  @Post(':year/schools/:schoolId/review')
  @Roles('secretariat')
  @HttpCode(HttpStatus.OK)
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Nothing waiting for review' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'Comments missing' })
  review(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('year', yearPipe) year: number,
    @Param('schoolId', UuidParamPipe) schoolId: string,
    @Body() body: ReviewAccountabilityDto,
  ) {
    return this.schools.review(me, year, schoolId, body);
  }

  @Post(':year/schools/:schoolId/deadline')
  @Roles('secretariat')
  @HttpCode(HttpStatus.OK)
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  extend(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('year', yearPipe) year: number,
    @Param('schoolId', UuidParamPipe) schoolId: string,
    @Body() body: ExtendSchoolDeadlineDto,
  ) {
    return this.schools.extendDeadline(me, year, schoolId, body);
  }

  @Post(':year/schools/:schoolId/waive')
  @Roles('secretariat')
  @HttpCode(HttpStatus.OK)
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  waive(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('year', yearPipe) year: number,
    @Param('schoolId', UuidParamPipe) schoolId: string,
    @Body() body: WaiveSchoolDto,
  ) {
    return this.schools.waive(me, year, schoolId, body);
  }
}
