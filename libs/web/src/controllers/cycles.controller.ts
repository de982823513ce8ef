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
  UploadedFile,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainError } from '@jaarcyclus/domain';
import type { ClassConstructor } from 'class-transformer';
import type { Response } from 'express';
import type {
  AuthenticatedPerson,
  AuthenticatedRequest,
} from '@jaarcyclus/api/auth/authenticated-person';
import { CurrentPerson, READ_ROLES, Roles } from '@jaarcyclus/api/auth/decorators';
import { BodiesService } from '@jaarcyclus/api/bodies/bodies.service';
import { AccountabilityCyclesService } from '@jaarcyclus/api/accountability/accountability-cycles.service';
import { BudgetService, invitationsAt } from '@jaarcyclus/api/budget/budget.service';

import { EctEvaluationService } from '@jaarcyclus/api/ect-evaluation/ect-evaluation.service';
import { SupportPlanService } from '@jaarcyclus/api/support-plan/support-plan.service';
import {
  BodySelectorDto,
  ExtendDeadlineDto,
  SubmitRevisionDto,
  type StartBudgetCycleDto,
} from '@jaarcyclus/api/budget/dto/budget.dto';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import {
  DocumentsService,
  type DocumentInfo,
  type UploadedDocument,
} from '@jaarcyclus/api/documents/documents.service';
import { PersonsService } from '@jaarcyclus/api/persons/persons.service';
import { isUnavailable } from '@jaarcyclus/api/temporal/temporal-client.holder';
import {
  defaultBudgetForm,
  formFieldOf,
  postedBudgetForm,
  PROPOSAL_FILE_FIELD,
  PROPOSAL_FILE_REMOVE_FIELD,
  validateBudgetForm,
  type BudgetDecision,
  type BudgetFormValues,
} from '../budget-form';
import { CsrfGuard } from '../csrf';
import {
  amsterdamDateTime,
  fieldErrorOf,
  fieldErrorText,
  formFields,
  refusalAsFieldErrors,
  text,
  validateForm,
} from '../forms';
import type { WebContext } from '../layout';
import {
  budgetCyclePage,
  CYCLE_ACTION_FIELDS,
  cycleUnavailablePage,
  REVISION_FILE_FIELD,
  REVISION_FILE_REMOVE_FIELD,
  type CycleActionField,
} from '../pages/budget-cycle.pages';
import { cycleFailedPage } from '../pages/cycle-failed.page';
import { cyclesPage, newCyclePage, previewPage } from '../pages/cycles.pages';
import { voteInfo } from '../pages/tasks.pages';
import { carriedDocumentId, proposalSourceErrors, withUploadErrors } from '../proposal-source';
import { FormWithFile } from '../uploads';
import { withBodyDetails } from '../pages/cycle-bodies';
import { assertReadsCycle } from './cycle-readers';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPages } from '../web-pages';

type ActionDone = 'reminded' | 'extended' | 'closed' | 'revised' | 'adopted';
const ACTIONS_DONE: readonly ActionDone[] = [
  'reminded',
  'extended',
  'closed',
  'revised',
  'adopted',
];

/** One of the secretariat's or director's actions on the cycle page. */
interface CycleAction<T extends object> {
  /** What was typed, shown again when the action is refused. */
  values: Partial<Record<CycleActionField, string>>;
  done: ActionDone;
  /** Where a refusal about an api field is shown on the page ('' = the alert only). */
  fieldOf: (apiField: string) => string;
  /** The api's DTO that checks the input; null when the action has no fields. */
  dto: ClassConstructor<T> | null;
  input: Record<string, unknown>;
  run: (dto: T) => Promise<unknown>;
  /** Problems found before the DTO's checks (an upload, file or link); shown first. */
  errors?: FieldError[];
  /** The revision's uploaded file, shown again when the action is refused. */
  document?: DocumentInfo | null;
}

interface CycleView {
  message: string | null;
  errors: FieldError[];
  values: Partial<Record<CycleActionField, string>>;
  revisionDocument?: DocumentInfo | null;
}

/** An unknown or malformed year is "Niet gevonden", like another SWV's cycle. */
function budgetYear(param: string): number {
  if (!/^\d{4}$/.test(param)) throw new NotFoundException();
  return Number(param);
}

/**
 * A refusal of the workflow or a DTO as errors of the posted action. A cycle that does not
 * exist (NOT_FOUND without a field) stays an exception: the filter shows "Niet gevonden".
 */
function actionRefusal(err: unknown, fieldOf: (apiField: string) => string): FieldError[] {
  if (err instanceof DomainError && err.code === 'NOT_FOUND' && err.field) {
    return [fieldErrorOf(err, fieldOf(err.field))];
  }
  return refusalAsFieldErrors(err).map((e) => ({ ...e, field: fieldOf(e.field) }));
}

/**
 * The budget cycle for the office: the secretariat starts it (form, preview, start) and steers
 * it (remind, extend, close, revise), the directeur-bestuurder adopts; administrators follow.
 * Everything goes through BudgetService, the same code as the JSON api: the workflow decides,
 * the pages show its answers and refusals.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/cycles')
export class CyclesController {
  constructor(
    private readonly pages: WebPages,
    private readonly budget: BudgetService,
    private readonly persons: PersonsService,
    private readonly bodies: BodiesService,
    private readonly documents: DocumentsService,
    private readonly accountability: AccountabilityCyclesService,
    private readonly supportPlan: SupportPlanService,
    private readonly ect: EctEvaluationService,
  ) {}

  @Get()
  @Roles(...READ_ROLES)
  async list(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const cycles = await this.budget.list(me);
    // The accountability cycles' read model, written by their workflows (and by the api's start).
    const accountabilityCycles = await this.accountability.list(me);
    const [supportPlanCycles, ectCycles] = await Promise.all([
      this.supportPlan.list(me),
      this.ect.list(me),
    ]);
    this.pages.send(
      res,
      200,
      cyclesPage(this.pages.context(req, res), {
        cycles,
        accountabilityCycles,
        supportPlanCycles,
        ectCycles,
        canStart: me.roles.includes('secretariat'),
      }),
    );
  }

  @Get('budget/new')
  @Roles('secretariat')
  async newBudget(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Query('year') year: unknown,
  ): Promise<void> {
    const ctx = this.pages.context(req, res);
    const form = defaultBudgetForm(new Date());
    // "Start again" on a failed cycle's page names its year.
    if (typeof year === 'string' && /^\d{4}$/.test(year)) form.values.budgetYear = year;
    this.pages.send(
      res,
      200,
      newCyclePage(ctx, { ...form, decision: await this.decision(ctx, me) }),
    );
  }

  /**
   * Three steps without script, like the vote form: 'preview' checks the form and shows every
   * planned date, 'edit' returns to the form with what was typed, 'start' starts the cycle.
   * The form posts multipart: a proposal file is stored by DocumentsService (the checks of POST
   * /api/documents) as soon as it arrives, and its id travels on with the form and the preview.
   */
  @Post('budget')
  @Roles('secretariat')
  @FormWithFile(PROPOSAL_FILE_FIELD)
  async submitBudget(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
    @UploadedFile() file: UploadedDocument | undefined,
  ): Promise<void> {
    const ctx = this.pages.context(req, res, '/app/cycles/budget/new');
    const fields = formFields(body);
    const step = text(fields, 'step');
    const form = postedBudgetForm(body);
    const upload = await this.upload(me, file, PROPOSAL_FILE_FIELD);
    const document = await this.carriedDocument(me, upload.document, {
      earlier: form.values.proposalDocumentId,
      remove: text(fields, PROPOSAL_FILE_REMOVE_FIELD) === '1',
    });
    form.values.proposalDocumentId = document?.id ?? '';
    const decision = await this.decision(ctx, me);
    const showForm = (status: number, errors: FieldError[]): void =>
      this.pages.send(
        res,
        status,
        newCyclePage(ctx, {
          values: form.values,
          errors: withUploadErrors(upload.errors, errors),
          document,
          decision,
        }),
      );
    if (step === 'edit') return showForm(upload.errors.length ? 422 : 200, []);

    const checked = await validateBudgetForm(form.values, ctx.t);
    if (!checked.ok) return showForm(422, checked.errors);
    if (upload.errors.length) return showForm(422, []);
    const dto = checked.value;

    let preview: Awaited<ReturnType<BudgetService['preview']>>;
    try {
      preview = await this.budget.preview(me, dto);
    } catch (err) {
      return showForm(422, this.formRefusal(err));
    }
    if (step === 'start') {
      try {
        const { created } = await this.budget.start(me, dto);
        return this.pages.redirect(
          res,
          `/app/cycles/budget/${dto.budgetYear}?${created ? 'started' : 'existing'}=1`,
        );
      } catch (err) {
        if (isUnavailable(err)) {
          return this.showPreview(
            ctx,
            res,
            me,
            503,
            form.values,
            dto,
            preview,
            document,
            ctx.t.startUnavailable,
          );
        }
        return showForm(422, this.formRefusal(err));
      }
    }
    return this.showPreview(ctx, res, me, 200, form.values, dto, preview, document, null);
  }

  @Get('budget/:year')
  // A body's chair reads the cycle page too (the members' comments, under the body's vote secrecy).
  @Roles(...READ_ROLES, 'body_member')
  async show(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('year') yearParam: string,
    @Query('done') done: unknown,
    @Query('started') started: unknown,
    @Query('existing') existing: unknown,
  ): Promise<void> {
    const year = budgetYear(yearParam);
    const ctx = this.pages.context(req, res);
    const action = ACTIONS_DONE.find((a) => a === done);
    const message = action
      ? ctx.t.actionDone[action]
      : started === '1'
        ? ctx.t.cycleStarted
        : existing === '1'
          ? ctx.t.cycleExisted
          : null;
    await this.renderCycle(ctx, res, me, year, 200, { message, errors: [], values: {} });
  }

  @Post('budget/:year/remind')
  @Roles('secretariat')
  @UseGuards(CsrfGuard)
  async remind(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('year') yearParam: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const year = budgetYear(yearParam);
    const values = actionValues(body);
    const fieldOf = (f: string): CycleActionField | '' => (f === 'bodyKey' ? 'remindBody' : '');
    await this.act(req, res, me, year, {
      values,
      done: 'reminded',
      fieldOf,
      dto: BodySelectorDto,
      input: bodyKey(values.remindBody),
      run: (dto) => this.budget.remindNow(me, year, dto),
    });
  }

  @Post('budget/:year/deadline')
  @Roles('secretariat')
  @UseGuards(CsrfGuard)
  async extend(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('year') yearParam: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const year = budgetYear(yearParam);
    const values = actionValues(body);
    const fieldOf = (f: string): CycleActionField | '' =>
      f === 'bodyKey' ? 'extendBody' : f === 'deadline' ? 'extendDeadline' : '';
    const input = {
      ...bodyKey(values.extendBody),
      deadline: amsterdamDateTime(values.extendDeadline ?? ''),
    };
    await this.act(req, res, me, year, {
      values,
      done: 'extended',
      fieldOf,
      dto: ExtendDeadlineDto,
      input,
      run: (dto) => this.budget.extendDeadline(me, year, dto),
    });
  }

  @Post('budget/:year/close')
  @Roles('secretariat')
  @UseGuards(CsrfGuard)
  async close(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('year') yearParam: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const year = budgetYear(yearParam);
    const values = actionValues(body);
    const fieldOf = (f: string): CycleActionField | '' => (f === 'bodyKey' ? 'closeBody' : '');
    await this.act(req, res, me, year, {
      values,
      done: 'closed',
      fieldOf,
      dto: BodySelectorDto,
      input: bodyKey(values.closeBody),
      run: (dto) => this.budget.closeRound(me, year, dto),
    });
  }

  @Post('budget/:year/revision')
  @Roles('secretariat')
  @FormWithFile(REVISION_FILE_FIELD)
  async revise(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('year') yearParam: string,
    @Body() body: Record<string, unknown>,
    @UploadedFile() file: UploadedDocument | undefined,
  ): Promise<void> {
    const year = budgetYear(yearParam);
    const t = this.pages.context(req, res).t;
    const values = actionValues(body);
    const upload = await this.upload(me, file, REVISION_FILE_FIELD);
    const document = await this.carriedDocument(me, upload.document, {
      earlier: values.revisionDocumentId ?? '',
      remove: text(formFields(body), REVISION_FILE_REMOVE_FIELD) === '1',
    });
    values.revisionDocumentId = document?.id ?? '';
    const fieldOf = (f: string): CycleActionField | typeof REVISION_FILE_FIELD | '' =>
      f === 'proposal.versionLabel'
        ? 'revisionVersion'
        : f === 'proposal' || f === 'proposal.documentId'
          ? REVISION_FILE_FIELD
          : f.startsWith('proposal.')
            ? 'revisionUrl'
            : f === 'deadline'
              ? 'revisionDeadline'
              : '';
    const url = (values.revisionUrl ?? '').trim();
    const documentId = values.revisionDocumentId;
    const deadline = amsterdamDateTime(values.revisionDeadline ?? '');
    const input = {
      proposal: {
        ...(documentId ? { documentId } : {}),
        ...(url ? { url } : {}),
        versionLabel: (values.revisionVersion ?? '').trim(),
      },
      ...(deadline !== undefined ? { deadline } : {}),
    };
    const sourceErrors = proposalSourceErrors(
      t,
      { documentId, url },
      { file: REVISION_FILE_FIELD, url: 'revisionUrl' },
    );
    await this.act(req, res, me, year, {
      values,
      done: 'revised',
      fieldOf,
      dto: SubmitRevisionDto,
      input,
      run: (dto) => this.budget.submitRevision(me, year, dto),
      errors: withUploadErrors(upload.errors, sourceErrors),
      document,
    });
  }

  /** Only the directeur-bestuurder (role here, and the cycle's own director in the workflow). */
  @Post('budget/:year/adopt')
  @Roles('director')
  @UseGuards(CsrfGuard)
  async adopt(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('year') yearParam: string,
  ): Promise<void> {
    const year = budgetYear(yearParam);
    await this.act(req, res, me, year, {
      values: {},
      done: 'adopted',
      fieldOf: () => '',
      dto: null,
      input: {},
      run: () => this.budget.adopt(me, year),
    });
  }

  /**
   * Checks the action's form with the api's DTO, runs it, and answers with a redirect (PRG) to
   * the cycle page saying what was done, or with the cycle page showing the refusal.
   */
  private async act<T extends object>(
    req: AuthenticatedRequest,
    res: Response,
    me: AuthenticatedPerson,
    year: number,
    action: CycleAction<T>,
  ): Promise<void> {
    const { values, done, fieldOf, dto, input, run } = action;
    const early = action.errors ?? [];
    const ctx = this.pages.context(req, res, `/app/cycles/budget/${year}`);
    const refused = (status: number, errors: FieldError[]): Promise<void> =>
      this.renderCycle(ctx, res, me, year, status, {
        message: null,
        errors: withUploadErrors(early, errors),
        values,
        revisionDocument: action.document ?? null,
      });
    let value = input as T;
    if (dto) {
      const checked = await validateForm(dto, input);
      if (!checked.ok) {
        return refused(
          422,
          checked.errors.map((e) => ({ ...e, field: fieldOf(e.field) })),
        );
      }
      value = checked.value;
    }
    if (early.length > 0) return refused(422, []);
    try {
      await run(value);
    } catch (err) {
      if (isUnavailable(err)) {
        return refused(503, [{ field: '', message: ctx.t.cycleUnreachable }]);
      }
      const status = err instanceof DomainError && err.code === 'CONFLICT' ? 409 : 422;
      return refused(status, actionRefusal(err, fieldOf));
    }
    this.pages.redirect(res, `/app/cycles/budget/${year}?done=${done}`);
  }

  private async renderCycle(
    ctx: WebContext,
    res: Response,
    me: AuthenticatedPerson,
    year: number,
    httpStatus: number,
    view: CycleView,
  ): Promise<void> {
    if (await this.budget.failed(me, year)) {
      const cycle = (await this.budget.list(me)).find((c) => c.year === year);
      return this.pages.send(
        res,
        httpStatus === 200 ? 200 : 409,
        cycleFailedPage(ctx, {
          year,
          title: cycle?.title ?? null,
          canStart: me.roles.includes('secretariat'),
        }),
      );
    }
    let status: Awaited<ReturnType<BudgetService['status']>>;
    try {
      status = await this.budget.status(me, year);
    } catch (err) {
      if (isUnavailable(err)) {
        return this.pages.send(res, 503, cycleUnavailablePage(ctx));
      }
      throw err;
    }
    const [people, bodies] = await Promise.all([
      this.persons.list(me.organisationId),
      this.bodies.list(me.organisationId),
    ]);
    status = withBodyDetails(status, bodies);
    assertReadsCycle(me, status);
    this.pages.send(
      res,
      httpStatus,
      budgetCyclePage(ctx, {
        status,
        names: new Map(people.map((p) => [p.id, p.name])),
        canManage: me.roles.includes('secretariat'),
        isDirector: me.roles.includes('director'),
        isCycleDirector: me.roles.includes('director') && status.directorPersonId === me.id,
        ...view,
      }),
    );
  }

  /**
   * Stores the file posted in `field`, if any, with the checks of POST /api/documents; a refusal
   * (type, size, empty) becomes an error at the file field.
   */
  private async upload(
    me: AuthenticatedPerson,
    file: UploadedDocument | undefined,
    field: string,
  ): Promise<{ document: DocumentInfo | null; errors: FieldError[] }> {
    if (!file) return { document: null, errors: [] };
    try {
      return { document: await this.documents.store(me.organisationId, file), errors: [] };
    } catch (err) {
      return {
        document: null,
        errors: refusalAsFieldErrors(err).map((e) => ({ ...e, field })),
      };
    }
  }

  /**
   * The file a form goes on with: this post's upload, else the one an earlier step uploaded
   * (unless "do not use this file" is ticked). A carried id that is not this SWV's document is
   * dropped.
   */
  private async carriedDocument(
    me: AuthenticatedPerson,
    uploaded: DocumentInfo | null,
    posted: { earlier: string; remove: boolean },
  ): Promise<DocumentInfo | null> {
    const id = carriedDocumentId({ ...posted, uploaded: uploaded?.id ?? null });
    if (!id) return null;
    return uploaded?.id === id ? uploaded : this.documents.describe(me.organisationId, id);
  }

  /** The SWV's bodies a new budget goes to, or the refusal (in the reader's language) why none can. */
  private async decision(ctx: WebContext, me: AuthenticatedPerson): Promise<BudgetDecision> {
    try {
      return {
        bodies: await this.budget.decidingBodies(me),
        invitationsAt: invitationsAt(new Date()),
      };
    } catch (err) {
      if (!(err instanceof DomainError) || err.code === 'NOT_FOUND') throw err;
      return { refusal: fieldErrorText(ctx.locale, fieldErrorOf(err)) };
    }
  }

  private formRefusal(err: unknown): FieldError[] {
    return refusalAsFieldErrors(err).map((e) => ({ ...e, field: formFieldOf(e.field) }));
  }

  private async showPreview(
    ctx: WebContext,
    res: Response,
    me: AuthenticatedPerson,
    status: number,
    values: BudgetFormValues,
    dto: StartBudgetCycleDto,
    preview: Awaited<ReturnType<BudgetService['preview']>>,
    document: DocumentInfo | null,
    alert: string | null,
  ): Promise<void> {
    this.pages.send(
      res,
      status,
      previewPage(ctx, {
        values,
        preview,
        budgetYear: dto.budgetYear,
        proposalUrl: voteInfo({ proposal: dto.proposal }).proposalUrl,
        proposalDocument: dto.proposal.url ? null : document,
        cents: {
          amountPerPupil: dto.allocation.amountPerPupilCents,
          equity: dto.allocation.equityCents,
          turnover: dto.allocation.turnoverCents,
        },
        alert,
      }),
    );
  }
}

function actionValues(body: unknown): Partial<Record<CycleActionField, string>> {
  const fields = formFields(body);
  return Object.fromEntries(
    CYCLE_ACTION_FIELDS.filter((name) => typeof fields[name] === 'string').map((name) => [
      name,
      text(fields, name),
    ]),
  );
}

/** '' from the body select means "every body the action applies to". */
function bodyKey(value: string | undefined): { bodyKey?: string } {
  return value && value.trim() ? { bodyKey: value.trim() } : {};
}
