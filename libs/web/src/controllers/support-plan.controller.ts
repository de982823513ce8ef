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
import { SUPPORT_PLAN_YEARS } from '@jaarcyclus/workflows';
import type { ClassConstructor } from 'class-transformer';
import type { Response } from 'express';
import type {
  AuthenticatedPerson,
  AuthenticatedRequest,
} from '@jaarcyclus/api/auth/authenticated-person';
import { CurrentPerson, READ_ROLES, Roles } from '@jaarcyclus/api/auth/decorators';
import { assertReadsCycle } from './cycle-readers';
import { SubmitRevisionDto } from '@jaarcyclus/api/budget/dto/budget.dto';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { PersonsService } from '@jaarcyclus/api/persons/persons.service';
import {
  ReferDisputeDto,
  ResolveDisputeDto,
  StartSupportPlanCycleDto,
} from '@jaarcyclus/api/support-plan/dto/support-plan.dto';
import { periodOf, SupportPlanService } from '@jaarcyclus/api/support-plan/support-plan.service';
import { isUnavailable } from '@jaarcyclus/api/temporal/temporal-client.holder';
import { CsrfGuard } from '../csrf';
import {
  amsterdamDateTime,
  fieldErrorOf,
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
  SUPPORT_PLAN_ACTION_FIELDS,
  supportPlanCyclePage,
  supportPlanPreviewPage,
  supportPlanStartPage,
  type SupportPlanActionField,
  type SupportPlanFormValues,
} from '../pages/support-plan.pages';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPages } from '../web-pages';

type Done = 'started' | 'referred' | 'ruled' | 'revised' | 'adopted';
const DONE: readonly Done[] = ['started', 'referred', 'ruled', 'revised', 'adopted'];

/** `2027-2031`; anything else is "Niet gevonden", like another SWV's cycle. */
function firstYearOf(period: string): number {
  const m = /^(\d{4})-(\d{4})$/.exec(period);
  if (!m || Number(m[2]) !== Number(m[1]) + SUPPORT_PLAN_YEARS) throw new NotFoundException();
  return Number(m[1]);
}

/** The form's fields as the api's DTO names them. */
const START_FIELD: Record<string, string> = {
  'proposal.versionLabel': 'versionLabel',
  'proposal.url': 'url',
  'proposal.documentId': 'url',
  proposal: 'url',
};
const REVISION_FIELD: Record<string, string> = {
  'proposal.versionLabel': 'revisionVersion',
  'proposal.url': 'revisionUrl',
  'proposal.documentId': 'revisionUrl',
  proposal: 'revisionUrl',
  deadline: 'revisionDeadline',
};

/**
 * The support-plan decision for the office (docs/domain.md, source 001 §1.1, §1.5): the
 * secretariat starts it (form, preview of every date, start) and records a dispute's referral
 * and ruling or a revision; the directeur-bestuurder adopts. Members vote on their task, like
 * the budget. Everything goes through SupportPlanService, the JSON api's own code.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/cycles/support-plan')
export class SupportPlanPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly supportPlan: SupportPlanService,
    private readonly persons: PersonsService,
  ) {}

  @Get('new')
  @Roles('secretariat')
  async newCycle(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const bodies = await this.supportPlan.decidingBodies(me);
    const values: SupportPlanFormValues = {
      firstYear: String(new Date().getUTCFullYear() + 1),
      versionLabel: '',
      url: '',
      voteDeadline: '',
      bodyKeys: bodies.map((b) => b.key),
    };
    this.pages.send(
      res,
      200,
      supportPlanStartPage(this.pages.context(req, res), { values, bodies, errors: [] }),
    );
  }

  /** Three steps without script: 'preview' checks and shows every date, 'edit' returns, 'start' starts. */
  @Post()
  @Roles('secretariat')
  @UseGuards(CsrfGuard)
  async submit(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const ctx = this.pages.context(req, res, '/app/cycles/support-plan/new');
    const fields = formFields(body);
    const posted = fields.bodyKeys;
    const values: SupportPlanFormValues = {
      firstYear: text(fields, 'firstYear'),
      versionLabel: text(fields, 'versionLabel'),
      url: text(fields, 'url'),
      voteDeadline: text(fields, 'voteDeadline'),
      bodyKeys: Array.isArray(posted) ? posted : posted ? [posted] : [],
    };
    const bodies = await this.supportPlan.decidingBodies(me);
    const form = (status: number, errors: FieldError[]): void =>
      this.pages.send(res, status, supportPlanStartPage(ctx, { values, bodies, errors }));
    if (text(fields, 'step') === 'edit') return form(200, []);
    const deadline = amsterdamDateTime(values.voteDeadline);
    const checked = await validateForm(StartSupportPlanCycleDto, {
      firstYear: wholeNumber(values.firstYear) ?? values.firstYear,
      proposal: {
        versionLabel: values.versionLabel.trim(),
        ...(values.url.trim() ? { url: values.url.trim() } : {}),
      },
      ...(deadline ? { voteDeadline: deadline } : {}),
      bodyKeys: values.bodyKeys,
    });
    const fieldOf = (f: string): string => START_FIELD[f] ?? f;
    if (!checked.ok) return form(422, oneErrorPerField(checked.errors, fieldOf));
    try {
      if (text(fields, 'step') === 'start') {
        await this.supportPlan.start(me, checked.value);
        return this.pages.redirect(
          res,
          `/app/cycles/support-plan/${periodOf(checked.value.firstYear)}?done=started`,
        );
      }
      const preview = await this.supportPlan.preview(me, checked.value);
      this.pages.send(res, 200, supportPlanPreviewPage(ctx, { values, preview }));
    } catch (err) {
      if (isUnavailable(err)) return this.pages.send(res, 503, cycleUnavailablePage(ctx));
      const status = err instanceof DomainError && err.code === 'CONFLICT' ? 409 : 422;
      return form(
        status,
        refusalAsFieldErrors(err).map((e) => ({ ...e, field: fieldOf(e.field) })),
      );
    }
  }

  @Get(':period')
  // A body's chair reads the cycle page too (the members' comments, under the body's vote secrecy).
  @Roles(...READ_ROLES, 'body_member')
  async show(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('period') period: string,
    @Query('done') done: unknown,
  ): Promise<void> {
    const ctx = this.pages.context(req, res);
    const message = DONE.find((d) => d === done);
    await this.render(ctx, res, me, firstYearOf(period), 200, {
      message: message ? ctx.t.sp[message] : null,
      errors: [],
      values: {},
    });
  }

  @Post(':period/dispute')
  @Roles('secretariat')
  @UseGuards(CsrfGuard)
  dispute(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('period') period: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    return this.act(me, req, res, period, body, {
      dto: ReferDisputeDto,
      done: 'referred',
      input: (v) => ({
        referredOn: isoDate(v.referredOn ?? ''),
        ...(v.caseReference?.trim() ? { caseReference: v.caseReference.trim() } : {}),
      }),
      fieldOf: (f) => f,
      run: (year, dto) => this.supportPlan.referDispute(me, year, dto),
    });
  }

  @Post(':period/ruling')
  @Roles('secretariat')
  @UseGuards(CsrfGuard)
  ruling(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('period') period: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    return this.act(me, req, res, period, body, {
      dto: ResolveDisputeDto,
      done: 'ruled',
      input: (v) => ({ outcome: v.outcome ?? '', decidedOn: isoDate(v.decidedOn ?? '') }),
      fieldOf: (f) => f,
      run: (year, dto) => this.supportPlan.resolveDispute(me, year, dto),
    });
  }

  @Post(':period/revision')
  @Roles('secretariat')
  @UseGuards(CsrfGuard)
  revision(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('period') period: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    return this.act(me, req, res, period, body, {
      dto: SubmitRevisionDto,
      done: 'revised',
      input: (v) => {
        const deadline = amsterdamDateTime(v.revisionDeadline ?? '');
        return {
          proposal: {
            versionLabel: (v.revisionVersion ?? '').trim(),
            ...(v.revisionUrl?.trim() ? { url: v.revisionUrl.trim() } : {}),
          },
          ...(deadline ? { deadline } : {}),
        };
      },
      fieldOf: (f) => REVISION_FIELD[f] ?? f,
      run: (year, dto) => this.supportPlan.submitRevision(me, year, dto),
    });
  }

  @Post(':period/adopt')
  @Roles('director')
  @UseGuards(CsrfGuard)
  adopt(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('period') period: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    return this.act(me, req, res, period, body, {
      dto: null,
      done: 'adopted',
      input: () => ({}),
      fieldOf: () => '',
      run: (year) => this.supportPlan.adopt(me, year),
    });
  }

  /** One action: checked with the api's DTO, run through the service, refusals shown on the page. */
  private async act<T extends object>(
    me: AuthenticatedPerson,
    req: AuthenticatedRequest,
    res: Response,
    period: string,
    body: Record<string, unknown>,
    a: {
      dto: ClassConstructor<T> | null;
      done: Done;
      input: (values: Partial<Record<SupportPlanActionField, string>>) => Record<string, unknown>;
      fieldOf: (apiField: string) => string;
      run: (firstYear: number, dto: T) => Promise<unknown>;
    },
  ): Promise<void> {
    const firstYear = firstYearOf(period);
    const ctx = this.pages.context(req, res, `/app/cycles/support-plan/${period}`);
    const fields = formFields(body);
    const values: Partial<Record<SupportPlanActionField, string>> = {};
    for (const name of SUPPORT_PLAN_ACTION_FIELDS) {
      if (name in fields) values[name] = text(fields, name);
    }
    const refused = (status: number, errors: FieldError[]) =>
      this.render(ctx, res, me, firstYear, status, { message: null, errors, values });
    let dto = {} as T;
    if (a.dto) {
      const checked = await validateForm(a.dto, a.input(values));
      if (!checked.ok) return refused(422, oneErrorPerField(checked.errors, a.fieldOf));
      dto = checked.value;
    }
    try {
      await a.run(firstYear, dto);
    } catch (err) {
      if (isUnavailable(err)) return refused(503, [{ field: '', message: ctx.t.cycleUnreachable }]);
      if (err instanceof DomainError && err.code === 'NOT_FOUND' && err.field)
        return refused(422, [fieldErrorOf(err, a.fieldOf(err.field))]);
      const status = err instanceof DomainError && err.code === 'CONFLICT' ? 409 : 422;
      return refused(
        status,
        refusalAsFieldErrors(err).map((e) => ({ ...e, field: a.fieldOf(e.field) })),
      );
    }
    this.pages.redirect(res, `/app/cycles/support-plan/${period}?done=${a.done}`);
  }

  private async render(
    ctx: WebContext,
    res: Response,
    me: AuthenticatedPerson,
    firstYear: number,
    httpStatus: number,
    view: Pick<Parameters<typeof supportPlanCyclePage>[1], 'message' | 'errors' | 'values'>,
  ): Promise<void> {
    let status: Awaited<ReturnType<SupportPlanService['status']>>;
    try {
      status = await this.supportPlan.status(me, firstYear);
    } catch (err) {
      if (isUnavailable(err)) return this.pages.send(res, 503, cycleUnavailablePage(ctx));
      throw err;
    }
    assertReadsCycle(me, status);
    const people = await this.persons.list(me.organisationId);
    this.pages.send(
      res,
      httpStatus,
      supportPlanCyclePage(ctx, {
        status,
        period: periodOf(firstYear),
        names: new Map(people.map((p) => [p.id, p.name])),
        canManage: me.roles.includes('secretariat'),
        isCycleDirector: me.roles.includes('director') && status.directorPersonId === me.id,
        ...view,
      }),
    );
  }
}

/** A date typed as dd-mm-jjjj (or what a date input posts) as YYYY-MM-DD; anything else unchanged, for the DTO to refuse. */
export function isoDate(input: string): string {
  const s = input.trim();
  const nl = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(s);
  return nl ? `${nl[3]}-${nl[2]!.padStart(2, '0')}-${nl[1]!.padStart(2, '0')}` : s;
}
