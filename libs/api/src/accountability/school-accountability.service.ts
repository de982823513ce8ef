import { Injectable } from '@nestjs/common';
import {
  type AccountabilityFormat,
  type AccountabilitySubmissionFigures,
  DomainError,
  type FieldError,
  isFinalAccountabilityStatus,
  deductionAllocationYear,
  submissionTotals,
  underspendingOfFigures,
  validateSubmission,
} from '@jaarcyclus/domain';
import type { Locale } from '@jaarcyclus/i18n';
import {
  AccountabilityRepository,
  type AccountabilitySubmission,
  DeductionRepository,
  Repositories,
  type SchoolAccountability,
  SchoolRepository,
} from '@jaarcyclus/persistence';
import {
  extendSchoolDeadlineUpdate,
  reviewSubmissionUpdate,
  recordDraftUpdate,
  remindSchoolNowUpdate,
  saveDraftSignal,
  submitAccountabilityUpdate,
  type SubmitAccountabilityResult,
  waiveSchoolUpdate,
} from '@jaarcyclus/workflows';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import { withTemporalDeadline } from '../budget/workflow-errors';
import { TemporalClientHolder } from '../temporal/temporal-client.holder';
import { AccountabilityFormatsService } from './accountability-formats.service';
import { finalConflict, liveDaysLate, statusLabel } from './accountability-status';
import type {
  AccountabilityFiguresDto,
  ExtendSchoolDeadlineDto,
  ReviewAccountabilityDto,
  WaiveSchoolDto,
} from './dto/accountability.dto';
import { FieldValidationError } from './field-errors';
import { AccountabilityReplyNotices } from './reply-notices';
import { assertContact, schoolForPerson } from './school-access';
import { waiverView } from './waiver';

type WorkflowHandle = ReturnType<
  ReturnType<TemporalClientHolder['require']>['workflow']['getHandle']
>;

/** A draft is stored as typed: its underspending only once it would pass as a submission. */
function draftUnderspending(
  format: AccountabilityFormat,
  figures: unknown,
  fixedAmountCents: number,
): ReturnType<typeof underspendingOfFigures> | null {
  if (!figures) return null;
  const checked = validateSubmission(format, figures);
  return checked.ok ? underspendingOfFigures(fixedAmountCents, checked.value) : null;
}

function submissionView(s: AccountabilitySubmission, format: AccountabilityFormat | null) {
  const figures = s.figures as unknown as AccountabilitySubmissionFigures;
  return {
    id: s.id,
    version: s.version,
    status: s.status,
    formatVersion: s.formatVersion,
    figures,
    totals: format && s.formatVersion === format.version ? submissionTotals(format, figures) : null,
    submittedByPersonId: s.submittedByPersonId,
    submittedAt: s.createdAt.toISOString(),
    reviewComments: s.reviewComments,
    reviewedByPersonId: s.reviewedByPersonId,
    reviewedAt: s.reviewedAt?.toISOString() ?? null,
  };
}

/**
 * One school's 1 February accountability (docs/domain.md, source 001 §7.4): its figures, drafts, versions and
 * the secretariat's review. The api checks who may act for which school and validates the
 * figures against the cycle's pinned format; the school's workflow decides what its state
 * allows. Figures live in PostgreSQL; the workflow only receives the id of a stored row.
 */
@Injectable()
export class SchoolAccountabilityService {
  constructor(
    private readonly accountability: AccountabilityRepository,
    private readonly deductions: DeductionRepository,
    private readonly schools: SchoolRepository,
    private readonly temporal: TemporalClientHolder,
    private readonly formats: AccountabilityFormatsService,
    private readonly notices: AccountabilityReplyNotices,
    private readonly repos: Repositories,
  ) {}

  /** Status, the current draft (the school's own contacts only), the submissions and the deduction. */
  async detail(me: AuthenticatedPerson, year: number, schoolId: string, now = new Date()) {
    const { school, access, fixedAmountCents } = await schoolForPerson(this.schools, me, schoolId);
    const state = await this.state(me, year, schoolId);
    const format = await this.formats.pinned(me.organisationId, state.formatVersion);
    const versions = await this.accountability.submissionVersions(
      me.organisationId,
      schoolId,
      year,
    );
    const draft = access.has('contact')
      ? await this.accountability.draft(me.organisationId, schoolId, year)
      : null;
    const deduction = await this.deductions.forSchool(me.organisationId, schoolId, year);
    const current = versions.find((v) => v.id === state.currentSubmissionId) ?? null;
    const waiver =
      state.status === 'waived'
        ? waiverView(await this.accountability.waiver(me.organisationId, state.workflowId))
        : null;
    return {
      accountingYear: year,
      school,
      status: state.status,
      statusLabel: statusLabel(state.status),
      version: state.version,
      deadline: state.deadline.toISOString(),
      daysLate: liveDaysLate(state, now),
      submittedAt: state.submittedAt?.toISOString() ?? null,
      lateSince: state.lateSince?.toISOString() ?? null,
      formatVersion: state.formatVersion,
      format,
      canSubmit: access.has('contact') && !isFinalAccountabilityStatus(state.status),
      draft: draft
        ? {
            figures: draft.figures,
            savedAt: draft.updatedAt.toISOString(),
            savedByPersonId: draft.submittedByPersonId,
          }
        : null,
      current: current ? submissionView(current, format) : null,
      versions: versions.map((v) => submissionView(v, format)),
      deduction: deduction
        ? {
            amountCents: deduction.amountCents,
            allocationYear: deduction.allocationYear,
            reason: deduction.reason,
          }
        : null,
      /** Why, when and by whom the school was waived; null unless waived. */
      waiver,
      /**
       * What accepting the current version would deduct (and the draft's figures would, for the
       * school before it submits): computed as the worker does on acceptance. The office and the
       * school's contact see it; null without figures.
       */
      underspending: {
        current: current
          ? underspendingOfFigures(
              fixedAmountCents,
              current.figures as unknown as AccountabilitySubmissionFigures,
            )
          : null,
        draft: draftUnderspending(format, draft?.figures, fixedAmountCents),
        allocationYear: deductionAllocationYear(year),
      },
    };
  }

  /**
   * The conversation on the school's accountability: the secretariat's review comments of each
   * returned version and the replies of both sides, oldest first. Whoever may read the school's
   * accountability reads it; another SWV's school is 404.
   */
  async conversation(me: AuthenticatedPerson, year: number, schoolId: string) {
    await schoolForPerson(this.schools, me, schoolId);
    await this.state(me, year, schoolId);
    const versions = await this.accountability.submissionVersions(
      me.organisationId,
      schoolId,
      year,
    );
    const reviews = versions
      .filter((v) => v.reviewComments && v.version !== null)
      .map((v) => ({
        kind: 'review' as const,
        version: v.version!,
        side: 'office' as const,
        authorName: null as string | null,
        body: v.reviewComments!,
        at: (v.reviewedAt ?? v.createdAt).toISOString(),
      }));
    const replies = (await this.accountability.comments(me.organisationId, schoolId, year)).map(
      (c) => ({
        kind: 'reply' as const,
        version: c.version,
        side: c.side,
        authorName: c.authorName,
        body: c.body,
        at: c.createdAt.toISOString(),
      }),
    );
    return [...reviews, ...replies].sort((a, b) => a.at.localeCompare(b.at));
  }

  /**
   * A reply in the conversation: by the school's contact ('school') or the secretariat
   * ('office'), once the secretariat has commented on a version and until the accountability
   * is final. 422 on an empty or too long text (field `comment`), 409 without comments or when final.
   * The other side is mailed a notice (AccountabilityReplyNotices).
   */
  async reply(
    me: AuthenticatedPerson,
    year: number,
    schoolId: string,
    side: 'school' | 'office',
    text: string,
  ): Promise<{ id: string }> {
    const found = await schoolForPerson(this.schools, me, schoolId);
    if (side === 'school') assertContact(found);
    else if (!me.roles.includes('secretariat') || !found.access.has('office')) {
      throw new DomainError('NOT_FOUND', 'School not found');
    }
    const state = await this.state(me, year, schoolId);
    const body = text.trim();
    if (body.length === 0 || body.length > MAX_REPLY_LENGTH) {
      throw DomainError.of('VALIDATION', 'comment', 'refusal.replyText', { max: MAX_REPLY_LENGTH });
    }
    if (isFinalAccountabilityStatus(state.status)) throw finalConflict(state.status);
    const versions = await this.accountability.submissionVersions(
      me.organisationId,
      schoolId,
      year,
    );
    if (!versions.some((v) => v.reviewComments)) {
      throw DomainError.of('CONFLICT', undefined, 'refusal.replyNoComments');
    }
    // The reply and the notices to the other side in one transaction: neither without the other.
    const reviewed = versions.filter((v) => v.reviewComments && v.reviewedByPersonId);
    const { id, notices } = await this.repos.transaction(async (tx) => {
      const commentId = await tx.accountability.addComment({
        organisationId: me.organisationId,
        schoolId,
        accountingYear: year,
        version: Math.max(1, state.version),
        side,
        authorPersonId: me.id,
        body,
      });
      const keys = await this.notices.store(tx, {
        organisationId: me.organisationId,
        schoolId,
        schoolName: found.school.name,
        year,
        commentId,
        side,
        authorPersonId: me.id,
        reviewerPersonId: reviewed.at(-1)?.reviewedByPersonId ?? null,
      });
      return { id: commentId, notices: keys };
    });
    this.notices.send(notices);
    return { id };
  }

  /**
   * "Herinner alle late scholen": one reminder to the contacts of every school that is late,
   * sent by each school's workflow at the school's next business moment through the outbox.
   * `requestId` (one per rendered form) makes a repeated request (a double click, a reload)
   * change nothing; a school with a reminder already waiting gets no second one. Schools that
   * are no longer late by the time their workflow hears it are left out; `skipped` counts
   * school workflows started before the reminder existed (they have no handler for it).
   */
  async remindLate(
    me: AuthenticatedPerson,
    year: number,
    requestId: string,
  ): Promise<{ queued: number; already: number; skipped: number }> {
    const late = (await this.accountability.overview(me.organisationId, year)).filter(
      (r) => r.status === 'late',
    );
    const counts = { queued: 0, already: 0, skipped: 0 };
    for (const row of late) {
      const state = await this.state(me, year, row.schoolId);
      try {
        const result = await this.command(state, (h) =>
          h
            .executeUpdate(remindSchoolNowUpdate, {
              args: [{ actorPersonId: me.id, requestId }],
            })
            .catch((err: unknown) => {
              if (isUnknownUpdate(err)) return null;
              throw err;
            }),
        );
        if (result === null) counts.skipped += 1;
        else if (result.queued) counts.queued += 1;
        else counts.already += 1;
      } catch (err) {
        // Submitted, accepted or waived in the meantime: nothing to remind.
        if (err instanceof DomainError && err.code === 'CONFLICT') continue;
        throw err;
      }
    }
    return counts;
  }

  /**
   * Every e-mail about the school's accountability (invitation, reminders, escalations, the
   * secretariat's reminders, review outcomes), oldest first, read from the outbox: for the
   * office's page on the school. Another SWV's school is 404.
   */
  async mailHistory(me: AuthenticatedPerson, year: number, schoolId: string) {
    await schoolForPerson(this.schools, me, schoolId);
    const state = await this.state(me, year, schoolId);
    const mails = await this.accountability.mailHistory(me.organisationId, state.workflowId);
    return mails.map((m) => ({
      step: m.step,
      status: m.status,
      at: (m.sentAt ?? m.createdAt).toISOString(),
      recipientName: m.recipientName,
    }));
  }

  /**
   * Stores the school's figures as they are (a draft may be incomplete) and tells the workflow,
   * which turns 'not started' into 'draft'. The answer lists what would still be refused on
   * submission, so the form can show it.
   */
  async saveDraft(
    me: AuthenticatedPerson,
    year: number,
    schoolId: string,
    dto: AccountabilityFiguresDto,
    /** Language of the field messages; the person's own by default (the web app passes its switch). */
    locale: Locale = me.locale,
  ): Promise<{ savedAt: string; figures: Record<string, unknown>; problems: FieldError[] }> {
    const found = await schoolForPerson(this.schools, me, schoolId);
    assertContact(found);
    const state = await this.state(me, year, schoolId);
    if (isFinalAccountabilityStatus(state.status)) throw finalConflict(state.status);
    const format = await this.formats.pinned(me.organisationId, state.formatVersion);
    // Temporal is needed to tell the workflow: 503 before anything is written.
    this.temporal.require();
    const raw = rawFigures(dto);
    const draft = await this.accountability.saveDraft({
      organisationId: me.organisationId,
      schoolId,
      accountingYear: year,
      cycleWorkflowId: state.cycleWorkflowId,
      formatVersion: state.formatVersion,
      figures: raw,
      savedByPersonId: me.id,
    });
    const cmd = { actorPersonId: me.id, submissionId: draft.id };
    await this.command(state, (h) =>
      h.executeUpdate(recordDraftUpdate, { args: [cmd] }).catch((err: unknown) => {
        // A school workflow started before the Update existed takes the draft as a Signal.
        if (!isUnknownUpdate(err)) throw err;
        return h.signal(saveDraftSignal, cmd);
      }),
    );
    const checked = validateSubmission(format, raw, locale);
    return {
      savedAt: draft.updatedAt.toISOString(),
      figures: raw,
      problems: checked.ok ? [] : checked.errors,
    };
  }

  /**
   * Validates the figures against the cycle's format version (422 naming every field), stores
   * them in one transaction, then submits the stored row to the workflow. A refusal by the
   * workflow marks the row 'refused', so nothing half-written stays behind.
   */
  async submit(
    me: AuthenticatedPerson,
    year: number,
    schoolId: string,
    dto: AccountabilityFiguresDto,
    locale: Locale = me.locale,
  ) {
    const found = await schoolForPerson(this.schools, me, schoolId);
    assertContact(found);
    const state = await this.state(me, year, schoolId);
    if (isFinalAccountabilityStatus(state.status)) throw finalConflict(state.status);
    const format = await this.formats.pinned(me.organisationId, state.formatVersion);
    const checked = validateSubmission(format, rawFigures(dto), locale);
    if (!checked.ok) {
      throw new FieldValidationError(
        `The accountability does not match the format (version ${format.version})`,
        checked.errors,
      );
    }
    this.temporal.require();
    const submissionId = await this.accountability.insertPendingSubmission({
      organisationId: me.organisationId,
      schoolId,
      accountingYear: year,
      cycleWorkflowId: state.cycleWorkflowId,
      formatVersion: state.formatVersion,
      figures: checked.value as unknown as Record<string, unknown>,
      submittedByPersonId: me.id,
    });
    let result: SubmitAccountabilityResult;
    try {
      result = await this.command(state, (h) =>
        h.executeUpdate(submitAccountabilityUpdate, {
          args: [{ actorPersonId: me.id, submissionId }],
        }),
      );
    } catch (error) {
      // A refusal is certain: the workflow never saw this submission. Any other failure (a
      // lost connection) leaves it 'pending': the workflow may have accepted it, and then its
      // status write marks it 'submitted'.
      if (error instanceof DomainError) {
        await this.accountability.refusePendingSubmission(submissionId);
      }
      throw error;
    }
    // The submission becomes its version, and the draft, which has served its purpose, goes.
    await this.accountability.completeSubmission(me.organisationId, schoolId, year, {
      id: submissionId,
      version: result.version,
    });
    return {
      submissionId,
      status: result.status,
      statusLabel: statusLabel(result.status),
      version: result.version,
      submittedAt: result.submittedAt,
      daysLate: result.daysLate,
    };
  }

  async review(
    me: AuthenticatedPerson,
    year: number,
    schoolId: string,
    dto: ReviewAccountabilityDto,
  ) {
    await schoolForPerson(this.schools, me, schoolId);
    const state = await this.state(me, year, schoolId);
    const result = await this.command(state, (h) =>
      h.executeUpdate(reviewSubmissionUpdate, {
        args: [
          {
            actorPersonId: me.id,
            decision: dto.decision,
            ...(dto.comments !== undefined ? { comments: dto.comments } : {}),
            ...(dto.version !== undefined ? { version: dto.version } : {}),
          },
        ],
      }),
    );
    return { ...result, statusLabel: statusLabel(result.status) };
  }

  async extendDeadline(
    me: AuthenticatedPerson,
    year: number,
    schoolId: string,
    dto: ExtendSchoolDeadlineDto,
  ) {
    await schoolForPerson(this.schools, me, schoolId);
    const state = await this.state(me, year, schoolId);
    const result = await this.command(state, (h) =>
      h.executeUpdate(extendSchoolDeadlineUpdate, {
        args: [{ actorPersonId: me.id, deadline: new Date(dto.deadline).toISOString() }],
      }),
    );
    return { ...result, statusLabel: statusLabel(result.status) };
  }

  async waive(me: AuthenticatedPerson, year: number, schoolId: string, dto: WaiveSchoolDto) {
    await schoolForPerson(this.schools, me, schoolId);
    const state = await this.state(me, year, schoolId);
    const result = await this.command(state, (h) =>
      h.executeUpdate(waiveSchoolUpdate, {
        args: [{ actorPersonId: me.id, reason: dto.reason }],
      }),
    );
    return { ...result, statusLabel: statusLabel(result.status) };
  }

  private async state(
    me: AuthenticatedPerson,
    year: number,
    schoolId: string,
  ): Promise<SchoolAccountability> {
    const row = await this.accountability.schoolStatus(me.organisationId, year, schoolId);
    if (!row) {
      throw new DomainError('NOT_FOUND', `This school has no accountability for ${year}`);
    }
    return row;
  }

  /**
   * Sends a command to the school's workflow; refusals become domain errors. After acceptance
   * or a waiver the workflow lingers and then completes: a command for a closed workflow is
   * answered from the database status with 409, not with the 404 Temporal gives.
   */
  private async command<T>(
    state: SchoolAccountability,
    fn: (handle: WorkflowHandle) => Promise<T>,
  ): Promise<T> {
    if (isFinalAccountabilityStatus(state.status)) throw finalConflict(state.status);
    const client = this.temporal.require();
    const handle = client.workflow.getHandle(state.workflowId);
    try {
      return await withTemporalDeadline(
        client,
        'The accountability of this school has not started yet; try again shortly',
        () => fn(handle),
      );
    } catch (error) {
      if (
        error instanceof DomainError &&
        (error.code === 'NOT_FOUND' || error.code === 'CONFLICT')
      ) {
        const fresh = await this.accountability.schoolStatusById(state.id);
        if (fresh && isFinalAccountabilityStatus(fresh.status)) throw finalConflict(fresh.status);
      }
      throw error;
    }
  }
}

/** The longest reply in the conversation on a school's accountability (the table's check). */
export const MAX_REPLY_LENGTH = 4000;

/** The workflow's code has no handler for the Update (it started before the Update existed). */
function isUnknownUpdate(err: unknown): boolean {
  return (
    err instanceof WorkflowUpdateFailedError &&
    /^No registered handler for update: /.test(err.cause?.message ?? '')
  );
}

/** The three lists of the form, as sent (only those present). */
function rawFigures(dto: AccountabilityFiguresDto): Record<string, unknown> {
  return {
    ...(dto.income !== undefined ? { income: dto.income } : {}),
    ...(dto.expenses !== undefined ? { expenses: dto.expenses } : {}),
    ...(dto.appendix !== undefined ? { appendix: dto.appendix } : {}),
  };
}
