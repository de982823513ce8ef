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
import {
  DomainError,
  SCHOOL_ACCOUNTABILITY_STATUSES,
  type SchoolAccountabilityStatus,
} from '@jaarcyclus/domain';
import { PersonRepository } from '@jaarcyclus/persistence';
import { isUUID } from 'class-validator';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import {
  AccountabilityCyclesService,
  applyOverviewFilter,
  type OverviewFilter,
} from '@jaarcyclus/api/accountability/accountability-cycles.service';
import type { AccountabilityFiguresDto } from '@jaarcyclus/api/accountability/dto/accountability.dto';
import {
  ExtendSchoolDeadlineDto,
  ReviewAccountabilityDto,
  WaiveSchoolDto,
} from '@jaarcyclus/api/accountability/dto/accountability.dto';
import { FieldValidationError } from '@jaarcyclus/api/accountability/field-errors';
import { AccountabilityFormatsService } from '@jaarcyclus/api/accountability/accountability-formats.service';
import { SchoolAccountabilityService } from '@jaarcyclus/api/accountability/school-accountability.service';
import type {
  AuthenticatedPerson,
  AuthenticatedRequest,
} from '@jaarcyclus/api/auth/authenticated-person';
import { AlsoBestuurder, CurrentPerson, READ_ROLES, Roles } from '@jaarcyclus/api/auth/decorators';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { EctEvaluationService } from '@jaarcyclus/api/ect-evaluation/ect-evaluation.service';
import { isUnavailable } from '@jaarcyclus/api/temporal/temporal-client.holder';
import {
  accountabilityFigures,
  draftValues,
  emptyAccountabilityForm,
  formErrors,
  postedAccountabilityForm,
  submittedValues,
  withExtraRow,
  type AccountabilityFormValues,
} from '../accountability-form';
import { CsrfGuard } from '../csrf';
import { amsterdamDateTime, formFields, refusalAsFieldErrors, text, validateForm } from '../forms';
import type { WebContext } from '../layout';
import {
  defaultAccountabilityStartForm,
  invitationMoment,
  postedAccountabilityStartForm,
  startFormFieldOf,
  validateAccountabilityStartForm,
  type AccountabilityStartState,
} from '../accountability-start-form';
import {
  type SchedulePreview,
  type ThreadView,
  accountabilityOverviewPage,
  newAccountabilityCyclePage,
  accountabilityReviewPage,
  mySchoolsPage,
  noAccountabilityPage,
  schoolAccountabilityPage,
  type SchoolDetail,
} from '../pages/accountability.pages';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPages } from '../web-pages';

/** An unknown or malformed year is "Niet gevonden". */
function accountingYear(param: string): number {
  if (!/^\d{4}$/.test(param)) throw new NotFoundException();
  return Number(param);
}

function isNotFound(err: unknown): boolean {
  return err instanceof DomainError && err.code === 'NOT_FOUND';
}

/**
 * The school's status row is written by its workflow just after a command was accepted: right
 * after the redirect the page waits briefly (at most ~2 s) for it, so it shows the new status.
 */
async function settled<T>(load: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await load();
  for (let i = 0; i < 10 && !done(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await load();
  }
  return value;
}

/** A refusal of the service or the workflow on the page: 503, 409 or 422 with its message. */
function refusal(
  ctx: WebContext,
  err: unknown,
  fieldOf: (apiField: string) => string,
): { status: number; errors: FieldError[] } {
  if (isUnavailable(err)) {
    return { status: 503, errors: [{ field: '', message: ctx.t.acc.unreachable }] };
  }
  if (err instanceof FieldValidationError) {
    return { status: 422, errors: formErrors(err.errors, fieldOf) };
  }
  const status = err instanceof DomainError && err.code === 'CONFLICT' ? 409 : 422;
  return {
    status,
    errors: refusalAsFieldErrors(err).map((e) => ({ ...e, field: fieldOf(e.field) })),
  };
}

/**
 * The school contact's 1 February accountability: the form of the cycle's pinned format,
 * saved as a draft or submitted through SchoolAccountabilityService, the same code (and the
 * same domain validation and messages) as the JSON api. Works without script: "Regel
 * toevoegen" is a submit button that returns the form with one more appendix row.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/accountability')
export class SchoolAccountabilityController {
  constructor(
    private readonly pages: WebPages,
    private readonly schools: SchoolAccountabilityService,
    private readonly persons: PersonRepository,
  ) {}

  @Get(':year')
  @Roles('school_contact')
  async show(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('year') yearParam: string,
    @Query('saved') saved: unknown,
    @Query('submitted') submitted: unknown,
    @Query('replied') replied: unknown,
  ): Promise<void> {
    const year = accountingYear(yearParam);
    const ctx = this.pages.context(req, res);
    const first = await this.detail(ctx, res, me, year);
    if (!first) return;
    // Right after saving or submitting, the workflow is still writing the new status.
    const expected = submitted === '1' ? 'submitted' : saved === '1' ? 'draft' : null;
    const detail = expected
      ? await settled(
          () => this.schools.detail(me, year, first.school.id),
          (d) => d.status === expected || (expected === 'draft' && d.status !== 'not_started'),
        )
      : first;
    const message =
      saved === '1'
        ? ctx.t.acc.saved
        : submitted === '1'
          ? ctx.t.acc.submitted
          : replied === '1'
            ? ctx.t.accOffice.replySent
            : null;
    this.pages.send(
      res,
      200,
      schoolAccountabilityPage(ctx, {
        detail,
        thread: await this.thread(me, detail, ''),
        values: storedValues(detail),
        errors: [],
        message,
      }),
    );
  }

  /** The school answers the secretariat's comments (a reply in the conversation). */
  @Post(':year/reply')
  @Roles('school_contact')
  @UseGuards(CsrfGuard)
  async reply(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('year') yearParam: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const year = accountingYear(yearParam);
    const ctx = this.pages.context(req, res, `/app/accountability/${year}`);
    const detail = await this.detail(ctx, res, me, year);
    if (!detail) return;
    const comment = text(formFields(body), 'comment');
    try {
      await this.schools.reply(me, year, detail.school.id, 'school', comment);
    } catch (err) {
      const refused = refusal(ctx, err, (f) => (f === 'comment' ? 'comment' : ''));
      return this.pages.send(
        res,
        refused.status,
        schoolAccountabilityPage(ctx, {
          detail,
          thread: await this.thread(me, detail, comment),
          values: storedValues(detail),
          errors: refused.errors,
          message: null,
        }),
      );
    }
    this.pages.redirect(res, `/app/accountability/${year}?replied=1#thread`);
  }

  /** The conversation; the reply form while the accountability is not final and has comments. */
  private async thread(
    me: AuthenticatedPerson,
    d: SchoolDetail,
    typed: string,
  ): Promise<ThreadView> {
    const messages = await this.schools.conversation(me, d.accountingYear, d.school.id);
    const open = d.canSubmit && messages.some((m) => m.kind === 'review');
    return {
      messages,
      ...(open
        ? { reply: { action: `/app/accountability/${d.accountingYear}/reply`, value: typed } }
        : {}),
    };
  }

  /** action=addRow | save | submit (the buttons of the form). */
  @Post(':year')
  @Roles('school_contact')
  @UseGuards(CsrfGuard)
  async post(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('year') yearParam: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const year = accountingYear(yearParam);
    const ctx = this.pages.context(req, res, `/app/accountability/${year}`);
    const detail = await this.detail(ctx, res, me, year);
    if (!detail) return;
    const action = text(formFields(body), 'action');
    const values = postedAccountabilityForm(detail.format, body);
    const render = async (
      status: number,
      v: AccountabilityFormValues,
      errors: FieldError[],
      message: string | null,
    ) =>
      this.pages.send(
        res,
        status,
        schoolAccountabilityPage(ctx, {
          detail,
          thread: await this.thread(me, detail, ''),
          values: v,
          errors,
          message,
        }),
      );

    if (action === 'addRow') return render(200, withExtraRow(values), [], ctx.t.acc.rowAdded);

    const { figures, fieldOf } = accountabilityFigures(detail.format, values);
    const dto = figures as AccountabilityFiguresDto;
    try {
      if (action === 'save') {
        const saved = await this.schools.saveDraft(me, year, detail.school.id, dto, ctx.locale);
        // A draft is kept as typed; what would be refused on submission is said at once, on
        // its field (a "-1.200,00" or "12.345,678" must not wait until "Indienen").
        if (saved.problems.length > 0) {
          const fresh = await this.schools.detail(me, year, detail.school.id);
          return this.pages.send(
            res,
            200,
            schoolAccountabilityPage(ctx, {
              detail: fresh,
              thread: await this.thread(me, fresh, ''),
              values,
              errors: formErrors(saved.problems, fieldOf),
              message: ctx.t.draftSavedWithProblems,
            }),
          );
        }
        return this.pages.redirect(res, `/app/accountability/${year}?saved=1`);
      }
      await this.schools.submit(me, year, detail.school.id, dto, ctx.locale);
      return this.pages.redirect(res, `/app/accountability/${year}?submitted=1`);
    } catch (err) {
      const refused = refusal(ctx, err, fieldOf);
      return render(refused.status, values, refused.errors, null);
    }
  }

  /** The contact's own school's accountability of `year`; a page saying there is none otherwise. */
  private async detail(
    ctx: WebContext,
    res: Response,
    me: AuthenticatedPerson,
    year: number,
  ): Promise<SchoolDetail | null> {
    const schoolId = await this.persons.schoolIdOf(me.organisationId, me.id);
    if (!schoolId) {
      this.pages.send(res, 404, noAccountabilityPage(ctx, year, ctx.t.acc.noSchool));
      return null;
    }
    try {
      return await this.schools.detail(me, year, schoolId);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      this.pages.send(res, 404, noAccountabilityPage(ctx, year, ctx.t.acc.noCycle(year)));
      return null;
    }
  }
}

/** What the form shows on arrival: the draft, else the version returned or last submitted. */
function storedValues(d: SchoolDetail): AccountabilityFormValues {
  if (d.draft) return draftValues(d.draft.figures);
  if (d.current) return submittedValues(d.current.figures);
  return emptyAccountabilityForm();
}

type Reviewed = 'accept' | 'return';

/** What the office's forms on one school did (the `done` of the redirect). */
type OfficeDone = 'waived' | 'extended' | 'replied';

/** Neither accepted nor waived: the conversation stays open. */
function d_isOpen(d: SchoolDetail): boolean {
  return d.status !== 'accepted' && d.status !== 'waived';
}

/** What the school page shows besides the school's accountability. */
interface SchoolView {
  comments: string;
  /** What was typed in the reply form, shown again when refused. */
  comment?: string;
  reason?: string;
  deadline?: string;
  errors: FieldError[];
  message: string | null;
}

/**
 * The office's view of the accountability: the overview per school (status, days late,
 * deduction; the CSV is the api's export) and one school's submission, which the secretariat
 * accepts or returns with comments through the same service as the JSON api.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/cycles/accountability')
export class AccountabilityOverviewController {
  constructor(
    private readonly pages: WebPages,
    private readonly cycles: AccountabilityCyclesService,
    private readonly schools: SchoolAccountabilityService,
    private readonly formats: AccountabilityFormatsService,
    private readonly ect: EctEvaluationService,
  ) {}

  /** Before ':year', so 'new' is not read as a year. */
  @Get('new')
  @Roles('secretariat')
  async newCycle(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const schools = await this.cycles.regularSchools(me);
    const form = defaultAccountabilityStartForm(
      new Date(),
      schools.map((s) => s.id),
    );
    await this.showStartForm(this.pages.context(req, res), res, me, 200, form, schools);
  }

  /** Starts the cycle through the same service as POST /api/accountability-cycles. */
  @Post()
  @Roles('secretariat')
  @UseGuards(CsrfGuard)
  async start(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const ctx = this.pages.context(req, res, '/app/cycles/accountability/new');
    const form = postedAccountabilityStartForm(body);
    const show = (status: number, errors: FieldError[]): Promise<void> =>
      this.showStartForm(ctx, res, me, status, { values: form.values, errors });
    const checked = await validateAccountabilityStartForm(form.values, ctx.t);
    if (!checked.ok) return show(422, checked.errors);
    if (text(formFields(body), 'action') === 'preview') {
      // "Bekijk de data": the dates these values give, nothing started.
      try {
        const preview = await this.cycles.preview(me, checked.value);
        return this.showStartForm(
          ctx,
          res,
          me,
          200,
          { values: form.values, errors: [] },
          undefined,
          {
            preview,
            typed: true,
          },
        );
      } catch (err) {
        return show(
          422,
          refusalAsFieldErrors(err).map((e) => ({ ...e, field: startFormFieldOf(e.field) })),
        );
      }
    }
    try {
      const { created } = await this.cycles.start(me, checked.value);
      return this.pages.redirect(
        res,
        `/app/cycles/accountability/${checked.value.accountingYear}?${created ? 'started' : 'existing'}=1`,
      );
    } catch (err) {
      if (isUnavailable(err)) {
        return show(503, [{ field: '', message: ctx.t.startUnavailable }]);
      }
      return show(
        422,
        refusalAsFieldErrors(err).map((e) => ({ ...e, field: startFormFieldOf(e.field) })),
      );
    }
  }

  private async showStartForm(
    ctx: WebContext,
    res: Response,
    me: AuthenticatedPerson,
    status: number,
    form: AccountabilityStartState,
    known?: { id: string; name: string }[],
    shown?: { preview: SchedulePreview; typed: boolean },
  ): Promise<void> {
    const schools = known ?? (await this.cycles.regularSchools(me));
    // Without a preview asked for: the dates of the year's defaults (a refusal shows none).
    const schedule =
      shown ??
      (await this.cycles
        .preview(me, { accountingYear: Number(form.values.accountingYear) })
        .then((preview) => ({ preview, typed: false }))
        .catch(() => null));
    const offsets = await this.cycles.defaultReminderOffsets(me);
    const days = offsets.offsetsBusinessDays.join(', ');
    const offsetsNote =
      offsets.from === 'setting'
        ? ctx.t.acc.reminderOffsetsSetting(days)
        : ctx.t.acc.reminderOffsetsDefault(days);
    const [format] = await this.formats.list(me);
    this.pages.send(
      res,
      status,
      newAccountabilityCyclePage(ctx, {
        form,
        schools,
        offsetsNote,
        formatVersion: format!.version,
        region: await this.cycles.schoolRegion(me),
        schedule,
      }),
    );
  }

  @Get(':year')
  @Roles(...READ_ROLES)
  async overview(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('year') yearParam: string,
    @Query('started') started: unknown,
    @Query('existing') existing: unknown,
    @Query('status') status: unknown,
    @Query('boardId') boardId: unknown,
    @Query('q') q: unknown,
    @Query('reminded') reminded: unknown,
    @Query('already') already: unknown,
    @Query('skipped') skipped: unknown,
  ): Promise<void> {
    const year = accountingYear(yearParam);
    const ctx = this.pages.context(req, res);
    const overview = await this.cycles.overview(me, year);
    const count = (v: unknown): number =>
      typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : 0;
    // The search form's values; anything else (a hand-edited link) is left out, not refused.
    const filter: OverviewFilter = {
      ...(SCHOOL_ACCOUNTABILITY_STATUSES.find((s) => s === status)
        ? { status: [status as SchoolAccountabilityStatus] }
        : {}),
      ...(typeof boardId === 'string' && isUUID(boardId) ? { boardId } : {}),
      ...(typeof q === 'string' && q.trim() ? { q: q.trim().slice(0, 100) } : {}),
    };
    const remindedText =
      typeof reminded === 'string'
        ? [
            count(reminded) + count(already) === 0
              ? ctx.t.accOffice.remindNone
              : ctx.t.accOffice.remindDone(count(reminded), count(already)),
            count(skipped) > 0 ? ctx.t.accOffice.remindSkipped(count(skipped)) : '',
          ]
            .filter(Boolean)
            .join(' ')
        : null;
    const message =
      started === '1'
        ? ctx.t.acc.started(invitationMoment(ctx.locale, new Date()))
        : existing === '1'
          ? ctx.t.acc.existed
          : remindedText;
    this.pages.send(
      res,
      200,
      accountabilityOverviewPage(ctx, {
        overview,
        rows: applyOverviewFilter(overview.rows, filter),
        filter,
        message,
        agreements: await this.ect.agreementsFor(me, year),
        // A fresh id per rendered form: a double click sends the same one (one reminder).
        ...(me.roles.includes('secretariat') ? { remindRequestId: randomUUID() } : {}),
      }),
    );
  }

  /** "Herinner alle late scholen": one reminder per late school, through each school's workflow. */
  @Post(':year/remind-late')
  @Roles('secretariat')
  @UseGuards(CsrfGuard)
  async remindLate(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('year') yearParam: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const year = accountingYear(yearParam);
    const ctx = this.pages.context(req, res, `/app/cycles/accountability/${year}`);
    const overview = await this.cycles.overview(me, year);
    const given = text(formFields(body), 'requestId');
    // Without a form's id (a hand-made request) this request is its own.
    const requestId = isUUID(given) ? given : randomUUID();
    try {
      const r = await this.schools.remindLate(me, year, requestId);
      return this.pages.redirect(
        res,
        `/app/cycles/accountability/${year}?reminded=${r.queued}&already=${r.already}&skipped=${r.skipped}`,
      );
    } catch (err) {
      const status = isUnavailable(err) ? 503 : 409;
      return this.pages.send(
        res,
        status,
        accountabilityOverviewPage(ctx, {
          overview,
          message: null,
          alert: isUnavailable(err) ? ctx.t.acc.unreachable : ctx.t.accOffice.remindFailed,
          remindRequestId: randomUUID(),
        }),
      );
    }
  }

  @Get(':year/schools/:schoolId')
  @Roles(...READ_ROLES)
  async school(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('year') yearParam: string,
    @Param('schoolId') schoolId: string,
    @Query('reviewed') reviewed: unknown,
    @Query('done') doneParam: unknown,
  ): Promise<void> {
    const year = accountingYear(yearParam);
    const ctx = this.pages.context(req, res);
    const done = (['accept', 'return'] as const).find((d) => d === reviewed);
    const office = (['waived', 'extended', 'replied'] as const).find((d) => d === doneParam);
    const message = done
      ? ctx.t.acc.reviewed[done]
      : office === 'replied'
        ? ctx.t.accOffice.replySent
        : office
          ? ctx.t.acc[office]
          : null;
    // Right after a command the workflow is still writing the new status.
    const expected =
      done || office === 'waived'
        ? (d: SchoolDetail) =>
            office === 'waived' ? d.status === 'waived' : d.status !== 'submitted'
        : null;
    await this.renderSchool(
      ctx,
      res,
      me,
      year,
      schoolId,
      200,
      { comments: '', errors: [], message },
      expected,
    );
  }

  @Post(':year/schools/:schoolId/review')
  @Roles('secretariat')
  @UseGuards(CsrfGuard)
  async review(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('year') yearParam: string,
    @Param('schoolId') schoolId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const year = accountingYear(yearParam);
    const path = `/app/cycles/accountability/${year}/schools/${schoolId}`;
    const ctx = this.pages.context(req, res, path);
    const fields = formFields(body);
    const comments = text(fields, 'comments');
    const version = Number(text(fields, 'version'));
    const input: Record<string, unknown> = {
      decision: text(fields, 'decision'),
      ...(comments.trim() ? { comments: comments.trim() } : {}),
      ...(Number.isInteger(version) && version > 0 ? { version } : {}),
    };
    const fieldOf = (f: string): string => (f === 'comments' ? 'comments' : '');
    const refused = (status: number, errors: FieldError[]): Promise<void> =>
      this.renderSchool(ctx, res, me, year, schoolId, status, { comments, errors, message: null });
    const checked = await validateForm(ReviewAccountabilityDto, input);
    if (!checked.ok) {
      return refused(
        422,
        checked.errors.map((e) => ({ ...e, field: fieldOf(e.field) })),
      );
    }
    if (!isUUID(schoolId)) throw new NotFoundException();
    try {
      await this.schools.review(me, year, schoolId, checked.value);
    } catch (err) {
      const r = refusal(ctx, err, fieldOf);
      return refused(r.status, r.errors);
    }
    const decided: Reviewed = checked.value.decision;
    this.pages.redirect(res, `${path}?reviewed=${decided}`);
  }

  /** The secretariat answers in the conversation with the school. */
  @Post(':year/schools/:schoolId/reply')
  @Roles('secretariat')
  @UseGuards(CsrfGuard)
  async replyToSchool(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('year') yearParam: string,
    @Param('schoolId') schoolId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const year = accountingYear(yearParam);
    if (!isUUID(schoolId)) throw new NotFoundException();
    const path = `/app/cycles/accountability/${year}/schools/${schoolId}`;
    const ctx = this.pages.context(req, res, path);
    const comment = text(formFields(body), 'comment');
    try {
      await this.schools.reply(me, year, schoolId, 'office', comment);
    } catch (err) {
      if (isNotFound(err)) throw err;
      const r = refusal(ctx, err, (f) => (f === 'comment' ? 'comment' : ''));
      return this.renderSchool(ctx, res, me, year, schoolId, r.status, {
        comments: '',
        comment,
        errors: r.errors,
        message: null,
      });
    }
    this.pages.redirect(res, `${path}?done=replied#thread`);
  }

  /** Vrijstellen: the school need not account for this year; a reason is required. */
  @Post(':year/schools/:schoolId/waive')
  @Roles('secretariat')
  @UseGuards(CsrfGuard)
  async waive(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('year') yearParam: string,
    @Param('schoolId') schoolId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const reason = text(formFields(body), 'reason');
    await this.office(req, res, me, yearParam, schoolId, {
      view: { reason },
      done: 'waived',
      fieldOf: (f) => (f === 'reason' ? 'reason' : ''),
      dto: WaiveSchoolDto,
      input: { reason: reason.trim() },
      run: (year, dto: WaiveSchoolDto) => this.schools.waive(me, year, schoolId, dto),
    });
  }

  /** Deadline verlengen: a later Amsterdam date-time for this school. */
  @Post(':year/schools/:schoolId/deadline')
  @Roles('secretariat')
  @UseGuards(CsrfGuard)
  async extendDeadline(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('year') yearParam: string,
    @Param('schoolId') schoolId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const deadline = text(formFields(body), 'deadline');
    await this.office(req, res, me, yearParam, schoolId, {
      view: { deadline },
      done: 'extended',
      fieldOf: (f) => (f === 'deadline' ? 'deadline' : ''),
      dto: ExtendSchoolDeadlineDto,
      input: { deadline: amsterdamDateTime(deadline) },
      run: (year, dto: ExtendSchoolDeadlineDto) =>
        this.schools.extendDeadline(me, year, schoolId, dto),
    });
  }

  /**
   * Checks an office form with the api's DTO, runs it through SchoolAccountabilityService and
   * redirects (PRG) to the school's page; a refusal is shown on that page, next to its field.
   */
  private async office<T extends object>(
    req: AuthenticatedRequest,
    res: Response,
    me: AuthenticatedPerson,
    yearParam: string,
    schoolId: string,
    action: {
      view: Pick<SchoolView, 'reason' | 'deadline'>;
      done: OfficeDone;
      fieldOf: (apiField: string) => string;
      dto: new () => T;
      input: Record<string, unknown>;
      run: (year: number, dto: T) => Promise<unknown>;
    },
  ): Promise<void> {
    const year = accountingYear(yearParam);
    if (!isUUID(schoolId)) throw new NotFoundException();
    const path = `/app/cycles/accountability/${year}/schools/${schoolId}`;
    const ctx = this.pages.context(req, res, path);
    const refused = (status: number, errors: FieldError[]): Promise<void> =>
      this.renderSchool(ctx, res, me, year, schoolId, status, {
        comments: '',
        ...action.view,
        errors,
        message: null,
      });
    const checked = await validateForm(action.dto, action.input);
    if (!checked.ok) {
      return refused(
        422,
        checked.errors.map((e) => ({ ...e, field: action.fieldOf(e.field) })),
      );
    }
    try {
      await action.run(year, checked.value);
    } catch (err) {
      const r = refusal(ctx, err, action.fieldOf);
      return refused(r.status, r.errors);
    }
    this.pages.redirect(res, `${path}?done=${action.done}`);
  }

  private async renderSchool(
    ctx: WebContext,
    res: Response,
    me: AuthenticatedPerson,
    year: number,
    schoolId: string,
    status: number,
    view: SchoolView,
    expected: ((d: SchoolDetail) => boolean) | null = null,
  ): Promise<void> {
    if (!isUUID(schoolId)) throw new NotFoundException();
    const load = () => this.schools.detail(me, year, schoolId);
    const detail = expected ? await settled(load, expected) : await load();
    const canReview = me.roles.includes('secretariat');
    const messages = await this.schools.conversation(me, year, schoolId);
    const replyOpen = canReview && d_isOpen(detail) && messages.some((m) => m.kind === 'review');
    this.pages.send(
      res,
      status,
      accountabilityReviewPage(ctx, {
        detail,
        canReview,
        thread: {
          messages,
          ...(replyOpen
            ? {
                reply: {
                  action: `/app/cycles/accountability/${year}/schools/${schoolId}/reply`,
                  value: view.comment ?? '',
                },
              }
            : {}),
        },
        // Who was reminded and escalated, and when: for the secretariat.
        ...(canReview ? { history: await this.schools.mailHistory(me, year, schoolId) } : {}),
        ...view,
      }),
    );
  }
}

/**
 * ECT members read the accountability of the schools they are the ECT member for (issue 4:
 * "ready for the October/November evaluation"), and a board's bestuurder that of the board's
 * schools (the board hears when one is late): per cycle the same rows as the office's
 * overview, limited by AccountabilityCyclesService.schoolsFor, and one school read-only
 * through SchoolAccountabilityService.detail, which answers 404 for any other school.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/my-schools')
export class MySchoolsController {
  constructor(
    private readonly pages: WebPages,
    private readonly cycles: AccountabilityCyclesService,
    private readonly schools: SchoolAccountabilityService,
  ) {}

  @Get()
  @Roles('ect_member')
  @AlsoBestuurder()
  async list(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const mine = [];
    for (const c of await this.cycles.list(me)) {
      const rows = await this.cycles.schoolsFor(me, c.year);
      if (rows.length) mine.push({ accountingYear: c.year, title: c.title, rows });
    }
    this.pages.send(res, 200, mySchoolsPage(this.pages.context(req, res), { cycles: mine }));
  }

  @Get(':year/schools/:schoolId')
  @Roles('ect_member')
  @AlsoBestuurder()
  async school(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('year') yearParam: string,
    @Param('schoolId') schoolId: string,
  ): Promise<void> {
    const year = accountingYear(yearParam);
    if (!isUUID(schoolId)) throw new NotFoundException();
    const ctx = this.pages.context(req, res);
    const detail = await this.schools.detail(me, year, schoolId);
    this.pages.send(
      res,
      200,
      accountabilityReviewPage(ctx, {
        detail,
        canReview: false,
        back: { href: '/app/my-schools', label: ctx.t.ect.back, nav: 'schools' },
        comments: '',
        errors: [],
        message: null,
      }),
    );
  }
}
