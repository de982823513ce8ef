import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
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
import { CurrentPerson, READ_ROLES, Roles } from '../auth/decorators';
import { SESSION_COOKIE } from '../auth/session.guard';
import { ErrorResponseDto } from '../common/api-errors';
import { IntParamPipe } from '../common/int-param.pipe';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { StartEctEvaluationDto, SubmitEctEvaluationDto } from './dto/ect-evaluation.dto';
import { EctEvaluationService } from './ect-evaluation.service';

const yearPipe = new IntParamPipe();

@ApiTags('ECT evaluation')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'Temporal is not reachable' })
@Controller('api/ect-evaluations')
export class EctEvaluationController {
  constructor(private readonly ect: EctEvaluationService) {}

  @Post('preview')
  @Roles('secretariat')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    description:
      'The schools (regular, with an ECT member), the calendar that applies and every planned moment: invitation, reminders, deadline, escalation',
  })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  preview(@CurrentPerson() me: AuthenticatedPerson, @Body() body: StartEctEvaluationDto) {
    return this.ect.preview(me, body);
  }

  @Post()
  @Roles('secretariat')
  @ApiCreatedResponse({ description: 'Started; 200 with the existing evaluation of that year' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  async start(
    @CurrentPerson() me: AuthenticatedPerson,
    @Body() body: StartEctEvaluationDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { created, status } = await this.ect.start(me, body);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return { created, ...status };
  }

  @Get()
  @Roles(...READ_ROLES)
  async list(@CurrentPerson() me: AuthenticatedPerson) {
    return (await this.ect.list(me)).map((c) => ({
      workflowId: c.workflowId,
      year: c.year,
      title: c.title,
      status: c.status,
      updatedAt: c.updatedAt.toISOString(),
    }));
  }

  @Get(':year')
  @Roles(...READ_ROLES, 'ect_member')
  @ApiOkResponse({
    description: 'Per school: status, submission, reminders (an ECT member: own schools)',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async progress(@CurrentPerson() me: AuthenticatedPerson, @Param('year', yearPipe) year: number) {
    const { status, rows } = await this.ect.progress(me, year);
    return { ...status, schools: rows };
  }

  @Get(':year/export.csv')
  @Roles(...READ_ROLES)
  @ApiProduces('text/csv')
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async csv(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('year', yearPipe) year: number,
    @Res() res: Response,
  ): Promise<void> {
    const body = await this.ect.progressCsv(me, year);
    res
      .status(200)
      .set({
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="evaluatie-ect-${year}.csv"`,
      })
      .send(body);
  }

  @Get(':year/schools/:schoolId')
  @Roles(...READ_ROLES, 'ect_member')
  @ApiOkResponse({
    description: 'The school’s evaluation, and its accountability of the year before',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  form(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('year', yearPipe) year: number,
    @Param('schoolId', UuidParamPipe) schoolId: string,
  ) {
    return this.ect.form(me, year, schoolId);
  }

  @Post(':year/schools/:schoolId')
  @Roles('ect_member')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'Submitted' })
  @ApiNotFoundResponse({
    type: ErrorResponseDto,
    description: 'Not your school in this evaluation',
  })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Submitted or closed already' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  submit(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('year', yearPipe) year: number,
    @Param('schoolId', UuidParamPipe) schoolId: string,
    @Body() body: SubmitEctEvaluationDto,
  ) {
    return this.ect.submit(me, year, schoolId, body);
  }

  @Post(':year/close')
  @Roles('secretariat')
  @HttpCode(HttpStatus.OK)
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Every school is done already' })
  close(@CurrentPerson() me: AuthenticatedPerson, @Param('year', yearPipe) year: number) {
    return this.ect.close(me, year);
  }
}
