import {
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainError } from '@jaarcyclus/domain';
import { isUUID } from 'class-validator';
import type { Response } from 'express';
import type {
  AuthenticatedPerson,
  AuthenticatedRequest,
} from '@jaarcyclus/api/auth/authenticated-person';
import { CurrentPerson, READ_ROLES, Roles } from '@jaarcyclus/api/auth/decorators';
import { OFFICE_ROLES } from '@jaarcyclus/api/accountability/school-access';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import {
  StartEctEvaluationDto,
  SubmitEctEvaluationDto,
} from '@jaarcyclus/api/ect-evaluation/dto/ect-evaluation.dto';
import { EctEvaluationService } from '@jaarcyclus/api/ect-evaluation/ect-evaluation.service';
import { isUnavailable } from '@jaarcyclus/api/temporal/temporal-client.holder';
import { CsrfGuard } from '../csrf';
import {
  amsterdamDateTime,
  formFields,
  oneErrorPerField,
  refusalAsFieldErrors,
  text,
  validateForm,
  wholeNumber,
} from '../forms';
import type { WebContext } from '../layout';
import { cycleUnavailablePage } from '../pages/budget-cycle.pages';
import {
  ectFormPage,
  ectPreviewPage,
  ectProgressPage,
  ectStartPage,
  type EctStartValues,
} from '../pages/ect-evaluation.pages';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPages } from '../web-pages';

/** An unknown or malformed year is "Niet gevonden", like another SWV's evaluation. */
function yearOf(param: string): number {
  if (!/^\d{4}$/.test(param)) throw new NotFoundException();
  return Number(param);
}

/** A refusal as page errors; a cycle or school that does not exist stays "Niet gevonden". */
function refusal(err: unknown): { status: number; errors: FieldError[] } {
  const status = err instanceof DomainError && err.code === 'CONFLICT' ? 409 : 422;
  return { status, errors: refusalAsFieldErrors(err) };
}

/**
 * The autumn ECT evaluation for the office (docs/domain.md, source 001 §7.4): the secretariat
 * starts it (form, preview, start), follows its progress (page, CSV) and may close it.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/cycles/ect-evaluation')
export class EctEvaluationPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly ect: EctEvaluationService,
  ) {}

  @Get('new')
  @Roles('secretariat')
  newCycle(@Req() req: AuthenticatedRequest, @Res() res: Response): void {
    const values = { year: String(new Date().getUTCFullYear()), deadline: '' };
    this.pages.send(res, 200, ectStartPage(this.pages.context(req, res), { values, errors: [] }));
  }

  @Post()
  @Roles('secretariat')
  @UseGuards(CsrfGuard)
  async submit(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const ctx = this.pages.context(req, res, '/app/cycles/ect-evaluation/new');
    const fields = formFields(body);
    const values: EctStartValues = {
      year: text(fields, 'year'),
      deadline: text(fields, 'deadline'),
    };
    const form = (status: number, errors: FieldError[]): void =>
      this.pages.send(res, status, ectStartPage(ctx, { values, errors }));
    if (text(fields, 'step') === 'edit') return form(200, []);
    const deadline = amsterdamDateTime(values.deadline);
    const checked = await validateForm(StartEctEvaluationDto, {
      year: wholeNumber(values.year) ?? values.year,
      ...(deadline ? { deadline } : {}),
    });
    if (!checked.ok)
      return form(
        422,
        oneErrorPerField(checked.errors, (f) => f),
      );
    try {
      if (text(fields, 'step') === 'start') {
        await this.ect.start(me, checked.value);
        return this.pages.redirect(
          res,
          `/app/cycles/ect-evaluation/${checked.value.year}?done=started`,
        );
      }
      const preview = await this.ect.preview(me, checked.value);
      this.pages.send(res, 200, ectPreviewPage(ctx, { values, preview }));
    } catch (err) {
      if (isUnavailable(err)) return this.pages.send(res, 503, cycleUnavailablePage(ctx));
      const r = refusal(err);
      return form(r.status, r.errors);
    }
  }

  @Get(':year/export.csv')
  @Roles(...READ_ROLES)
  async csv(
    @CurrentPerson() me: AuthenticatedPerson,
    @Res() res: Response,
    @Param('year') param: string,
  ): Promise<void> {
    const year = yearOf(param);
    const body = await this.ect.progressCsv(me, year);
    res
      .status(200)
      .set({
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="evaluatie-ect-${year}.csv"`,
        'Cache-Control': 'no-store',
      })
      .send(body);
  }

  @Get(':year')
  @Roles(...READ_ROLES)
  async show(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('year') param: string,
    @Query('done') done: unknown,
  ): Promise<void> {
    const ctx = this.pages.context(req, res);
    const message =
      done === 'started' ? ctx.t.ectEval.started : done === 'closed' ? ctx.t.ectEval.closed : null;
    await this.render(ctx, res, me, yearOf(param), 200, message, []);
  }

  @Post(':year/close')
  @Roles('secretariat')
  @UseGuards(CsrfGuard)
  async close(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('year') param: string,
  ): Promise<void> {
    const year = yearOf(param);
    const ctx = this.pages.context(req, res, `/app/cycles/ect-evaluation/${year}`);
    try {
      await this.ect.close(me, year);
    } catch (err) {
      if (isUnavailable(err))
        return this.render(ctx, res, me, year, 503, null, [
          { field: '', message: ctx.t.cycleUnreachable },
        ]);
      const r = refusal(err);
      return this.render(ctx, res, me, year, r.status, null, r.errors);
    }
    this.pages.redirect(res, `/app/cycles/ect-evaluation/${year}?done=closed`);
  }

  private async render(
    ctx: WebContext,
    res: Response,
    me: AuthenticatedPerson,
    year: number,
    httpStatus: number,
    message: string | null,
    errors: FieldError[],
  ): Promise<void> {
    let progress: Awaited<ReturnType<EctEvaluationService['progress']>>;
    try {
      progress = await this.ect.progress(me, year);
    } catch (err) {
      if (isUnavailable(err)) return this.pages.send(res, 503, cycleUnavailablePage(ctx));
      throw err;
    }
    this.pages.send(
      res,
      httpStatus,
      ectProgressPage(ctx, {
        ...progress,
        canManage: me.roles.includes('secretariat'),
        message,
        errors,
      }),
    );
  }
}

/**
 * The ECT member's form for one school (the link in the task and the mails); the office reads
 * it too. Another person's school, year or SWV is "Niet gevonden".
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/ect-evaluations')
export class EctEvaluationFormController {
  constructor(
    private readonly pages: WebPages,
    private readonly ect: EctEvaluationService,
  ) {}

  @Get(':year/schools/:schoolId')
  @Roles(...READ_ROLES, 'ect_member')
  async show(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('year') param: string,
    @Param('schoolId') schoolId: string,
    @Query('done') done: unknown,
  ): Promise<void> {
    const ctx = this.pages.context(req, res);
    await this.render(ctx, res, me, yearOf(param), schoolId, 200, {
      values: { findings: '', agreements: '' },
      errors: [],
      message: done === 'submitted' ? ctx.t.ectEval.submitted : null,
    });
  }

  @Post(':year/schools/:schoolId')
  @Roles('ect_member')
  @UseGuards(CsrfGuard)
  async submit(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('year') param: string,
    @Param('schoolId') schoolId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const year = yearOf(param);
    const path = `/app/ect-evaluations/${year}/schools/${schoolId}`;
    const ctx = this.pages.context(req, res, path);
    const fields = formFields(body);
    const values = { findings: text(fields, 'findings'), agreements: text(fields, 'agreements') };
    const refused = (status: number, errors: FieldError[]) =>
      this.render(ctx, res, me, year, schoolId, status, { values, errors, message: null });
    const checked = await validateForm(SubmitEctEvaluationDto, {
      findings: values.findings.trim(),
      agreements: values.agreements.trim(),
    });
    if (!checked.ok)
      return refused(
        422,
        oneErrorPerField(checked.errors, (f) => f),
      );
    try {
      await this.ect.submit(me, year, schoolId, checked.value);
    } catch (err) {
      if (isUnavailable(err)) return refused(503, [{ field: '', message: ctx.t.cycleUnreachable }]);
      const r = refusal(err);
      return refused(r.status, r.errors);
    }
    this.pages.redirect(res, `${path}?done=submitted`);
  }

  private async render(
    ctx: WebContext,
    res: Response,
    me: AuthenticatedPerson,
    year: number,
    schoolId: string,
    httpStatus: number,
    view: {
      values: { findings: string; agreements: string };
      errors: FieldError[];
      message: string | null;
    },
  ): Promise<void> {
    if (!isUUID(schoolId)) throw new NotFoundException();
    let form: Awaited<ReturnType<EctEvaluationService['form']>>;
    try {
      form = await this.ect.form(me, year, schoolId);
    } catch (err) {
      if (isUnavailable(err)) return this.pages.send(res, 503, cycleUnavailablePage(ctx));
      throw err;
    }
    this.pages.send(
      res,
      httpStatus,
      ectFormPage(ctx, {
        form,
        ...view,
        office: me.roles.some((r) => OFFICE_ROLES.includes(r)),
      }),
    );
  }
}
