import {
  Body,
  Controller,
  Get,
  Logger,
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
import { DomainError, type VoteValue } from '@jaarcyclus/domain';
import { type Task, TaskRepository } from '@jaarcyclus/persistence';
import { budgetWorkflowId, supportPlanWorkflowId } from '@jaarcyclus/workflows';
import { isUUID } from 'class-validator';
import type { Response } from 'express';
import type {
  AuthenticatedPerson,
  AuthenticatedRequest,
} from '@jaarcyclus/api/auth/authenticated-person';
import { CurrentPerson } from '@jaarcyclus/api/auth/decorators';
import { BudgetService } from '@jaarcyclus/api/budget/budget.service';
import { SupportPlanService } from '@jaarcyclus/api/support-plan/support-plan.service';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { DocumentsService, type DocumentInfo } from '@jaarcyclus/api/documents/documents.service';
import { isUnavailable } from '@jaarcyclus/api/temporal/temporal-client.holder';
import { renderCalendar } from '../calendar/ical';
import { taskEvents } from '../calendar/task-events';
import { CsrfGuard } from '../csrf';
import { formFields, text } from '../forms';
import { messagesFor } from '../i18n';
import {
  budgetYearOfWorkflow,
  canChangeVote,
  supportPlanPeriodOfWorkflow,
  COMMENT_MAX,
  taskPage,
  tasksPage,
  taskTally,
  voteInfo,
  voteTaskTarget,
  VOTE_VALUES,
  type TaskTally,
  type VoteFormState,
} from '../pages/tasks.pages';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPages } from '../web-pages';

const EMPTY_VOTE: VoteFormState = { stage: 'form', value: '', comment: '', errors: [] };

/** The vote page does not wait longer than this for the cycle's tally (no worker answering, …). */
const TALLY_TIMEOUT_MS = 5_000;

class TallyTimeout extends Error {
  constructor() {
    super(`The cycle did not answer the status query within ${TALLY_TIMEOUT_MS} ms`);
  }
}

function withinTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TallyTimeout()), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The form an evaluation task links to (`payload.path`, written by the worker), if well-formed. */
function ectFormPathOf(payload: Record<string, unknown> | null | undefined): string | null {
  const path = payload?.path;
  return typeof path === 'string' &&
    /^\/app\/ect-evaluations\/\d{4}\/schools\/[0-9a-f-]{36}$/.test(path)
    ? path
    : null;
}

/** Every signed-in person: their own tasks only. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/tasks')
export class TaskPagesController {
  private readonly logger = new Logger('TaskPagesController');

  constructor(
    private readonly pages: WebPages,
    private readonly tasks: TaskRepository,
    private readonly budget: BudgetService,
    private readonly supportPlan: SupportPlanService,
    private readonly documents: DocumentsService,
  ) {}

  @Get()
  async list(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const { open, closed } = await this.tasks.overviewForPerson(me.organisationId, me.id);
    this.pages.send(
      res,
      200,
      tasksPage(this.pages.context(req, res), { open, closed, now: new Date() }),
    );
  }

  /** One deadline as a calendar file (declared before ':id', which would match 'x.ics' too). */
  @Get(':id.ics')
  async ics(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @Res() res: Response,
  ): Promise<void> {
    const task = await this.find(me, id);
    const locale = this.pages.context(req, res).locale;
    const body = renderCalendar({
      name: `${messagesFor(locale).appName} – ${me.organisation.name}`,
      now: new Date(),
      events: taskEvents([task], { locale, publicUrl: this.pages.publicUrl }),
    });
    res
      .status(200)
      .set({
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="deadline-${task.id}.ics"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      })
      .send(body);
  }

  @Get(':id')
  async show(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Query('voted') voted: unknown,
  ): Promise<void> {
    const task = await this.find(me, id);
    // The accountability task of a school (the link in its mails) opens the school's form.
    const year = task.kind === 'submit' ? task.payload?.accountingYear : undefined;
    if (typeof year === 'number' && Number.isInteger(year)) {
      return this.pages.redirect(res, `/app/accountability/${year}`);
    }
    // The ECT member's evaluation task opens the school's form; the support plan's adoption
    // task opens the cycle page, where the director adopts.
    const evaluation = task.kind === 'evaluate' ? ectFormPathOf(task.payload) : null;
    if (evaluation) return this.pages.redirect(res, evaluation);
    const plan = task.kind === 'adopt' ? supportPlanPeriodOfWorkflow(task.workflowId) : null;
    if (plan) return this.pages.redirect(res, `/app/cycles/support-plan/${plan}`);
    // A visit's task (confirm the date, a report, a follow-up) opens the visit's page.
    const visitId = task.kind.startsWith('visit_') ? task.payload?.visitId : undefined;
    if (typeof visitId === 'string' && /^[0-9a-f-]{36}$/.test(visitId)) {
      return this.pages.redirect(res, `/app/visits/${visitId}`);
    }
    // The secretariat's review task (the "Beoordelen" link) opens the school's submission,
    // where it is accepted or returned.
    const reviewYear = task.kind === 'review' ? task.payload?.accountingYear : undefined;
    const schoolId = task.payload?.schoolId;
    if (
      typeof reviewYear === 'number' &&
      Number.isInteger(reviewYear) &&
      typeof schoolId === 'string' &&
      isUUID(schoolId)
    ) {
      return this.pages.redirect(
        res,
        `/app/cycles/accountability/${reviewYear}/schools/${schoolId}`,
      );
    }
    const ctx = this.pages.context(req, res);
    const context = await this.context(me, task);
    // A vote that may still change is offered for changing, filled in with the vote as cast.
    const vote: VoteFormState =
      canChangeVote(task, context.tally) && context.tally.state === 'shown'
        ? {
            ...EMPTY_VOTE,
            value: context.tally.ownVote ?? '',
            comment: context.tally.ownComment ?? '',
          }
        : EMPTY_VOTE;
    this.pages.send(
      res,
      200,
      taskPage(ctx, {
        task,
        now: new Date(),
        message: voted === '1' ? ctx.t.voteReceived : null,
        vote,
        ...context,
      }),
    );
  }

  /**
   * Two steps without script: the first post shows the vote for review, the second
   * (step=send) casts it through BudgetService.voteOnTask; step=edit returns to the form.
   */
  @Post(':id/vote')
  @UseGuards(CsrfGuard)
  async vote(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const task = await this.find(me, id);
    const ctx = this.pages.context(req, res, `/app/tasks/${task.id}`);
    const context = await this.context(me, task);
    const render = async (status: number, vote: VoteFormState): Promise<void> =>
      this.pages.send(
        res,
        status,
        taskPage(ctx, { task, now: new Date(), message: null, vote, ...context }),
      );

    // A cast vote may be changed while the body's round is open (the workflow checks it again).
    if (task.kind !== 'vote' || (task.status !== 'open' && !canChangeVote(task, context.tally))) {
      return render(409, { ...EMPTY_VOTE, errors: [{ field: '', message: ctx.t.taskClosed }] });
    }
    const fields = formFields(body);
    const step = text(fields, 'step');
    const value = text(fields, 'value');
    const comment = text(fields, 'comment');
    if (step === 'edit') return render(200, { stage: 'form', value, comment, errors: [] });
    const errors: FieldError[] = [];
    const choice = VOTE_VALUES.find((v) => v === value);
    if (!choice) errors.push({ field: 'value', message: ctx.t.voteChoose });
    if (comment.length > COMMENT_MAX)
      errors.push({ field: 'comment', message: ctx.t.commentTooLong });
    if (!choice || errors.length > 0) {
      return render(422, { stage: 'form', value, comment, errors });
    }
    if (step !== 'send') return render(200, { stage: 'confirm', value, comment, errors: [] });
    const refusal = await this.cast(me, task, choice, comment.trim() || null);
    if (refusal) {
      return render(refusal.status, {
        stage: 'form',
        value,
        comment,
        errors: [{ field: '', message: refusal.message(ctx.t) }],
      });
    }
    this.pages.redirect(res, `/app/tasks/${task.id}?voted=1`);
  }

  private async cast(
    me: AuthenticatedPerson,
    task: Task,
    value: VoteValue,
    comment: string | null,
  ): Promise<{ status: number; message: (t: ReturnType<typeof messagesFor>) => string } | null> {
    try {
      await this.budget.voteOnTask(me, task.id, value, comment);
      return null;
    } catch (err) {
      if (isUnavailable(err)) {
        return { status: 503, message: (t) => t.votingUnreachable };
      }
      if (err instanceof DomainError && err.code !== 'NOT_FOUND') {
        return { status: err.code === 'CONFLICT' ? 409 : 422, message: () => err.message };
      }
      throw err;
    }
  }

  /** What a vote or adoption task shows beside itself: the body's tally, the uploaded proposal. */
  private async context(
    me: AuthenticatedPerson,
    task: Task,
  ): Promise<{ tally: TaskTally; document: DocumentInfo | null }> {
    if (task.kind !== 'vote' && task.kind !== 'adopt')
      return { tally: { state: 'none' }, document: null };
    const documentId = voteInfo(task.payload ?? {}).documentId;
    const [tally, document] = await Promise.all([
      task.kind === 'vote' ? this.tally(me, task) : Promise.resolve<TaskTally>({ state: 'none' }),
      documentId ? this.documents.describe(me.organisationId, documentId) : Promise.resolve(null),
    ]);
    return { tally, document };
  }

  /**
   * The tally of the member's own body, from the cycle's state as its GET endpoint reads it
   * (BudgetService.status, SupportPlanService.status). When that fails (Temporal unreachable,
   * no answer in time), the page says so and the task still works.
   */
  private async tally(me: AuthenticatedPerson, task: Task): Promise<TaskTally> {
    const target = voteTaskTarget(task);
    const cycle = target ? this.decisionCycleOf(me, task) : null;
    if (!target || !cycle) return { state: 'none' };
    try {
      const status = await withinTimeout(cycle.status(), TALLY_TIMEOUT_MS);
      return taskTally(status, target, me.id, cycle.path);
    } catch (err) {
      if (!isUnavailable(err)) {
        this.logger.warn(`No tally for task ${task.id}: ${(err as Error).message}`);
      }
      return { state: 'unavailable' };
    }
  }

  /**
   * The decision cycle a vote task belongs to, only in the signed-in person's own SWV: its
   * state and its page. Null for any other task.
   */
  private decisionCycleOf(
    me: AuthenticatedPerson,
    task: Task,
  ): { status: () => Promise<Parameters<typeof taskTally>[0]>; path: string } | null {
    const year = budgetYearOfWorkflow(task.workflowId);
    if (year !== null && task.workflowId === budgetWorkflowId(me.organisationId, year)) {
      return { status: () => this.budget.status(me, year), path: `/app/cycles/budget/${year}` };
    }
    const period = supportPlanPeriodOfWorkflow(task.workflowId);
    if (!period) return null;
    const [first, last] = period.split('-').map(Number) as [number, number];
    if (task.workflowId !== supportPlanWorkflowId(me.organisationId, first, last)) return null;
    return {
      status: () => this.supportPlan.status(me, first),
      path: `/app/cycles/support-plan/${period}`,
    };
  }

  /** Another person's or tenant's task, and a malformed id, are all "Niet gevonden". */
  private async find(me: AuthenticatedPerson, id: string): Promise<Task> {
    const task = isUUID(id) ? await this.tasks.findForPerson(me.organisationId, me.id, id) : null;
    if (!task) throw new NotFoundException();
    return task;
  }
}
