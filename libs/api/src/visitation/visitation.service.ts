import { ForbiddenException, Injectable } from '@nestjs/common';
import {
  DEFAULT_PLAYBOOKS,
  DomainError,
  type FieldError,
  HOST_KINDS,
  type HostKind,
  type Schedule,
  type ScheduleLock,
  type VisitWindow,
  type VisitationExplanation,
  type VisitationInstance,
  checkSchedule,
  explain,
  explanationText,
  lockVisit,
  moveVisit,
  swapVisitors,
  toVisitationOverviewCsv,
  validateInstance,
} from '@jaarcyclus/domain';
import {
  DocumentRepository,
  type HostToAdd,
  OrganisationRepository,
  PersonRepository,
  type ProposalRecord,
  SchoolRepository,
  VisitationRepository,
  type VisitRecord,
  type VisitorToAdd,
} from '@jaarcyclus/persistence';
import { proposeSchedule } from '@jaarcyclus/scheduling';
import {
  TASK_QUEUES,
  addFollowUpActionUpdate,
  answerVisitDateUpdate,
  cancelVisitUpdate,
  completeFollowUpActionUpdate,
  completeFollowUpCheckUpdate,
  remindVisitStepNowUpdate,
  rescheduleVisitUpdate,
  submitVisitReportUpdate,
  visitWorkflowId,
  visitationProgrammeWorkflowId,
} from '@jaarcyclus/workflows';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { catalogueFor, codedText, renderText } from '@jaarcyclus/i18n';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import { withTemporalDeadline } from '../budget/workflow-errors';
import { FieldValidationError } from '../accountability/field-errors';
import { notFound } from '../common/tenant-references';
import { TemporalClientHolder } from '../temporal/temporal-client.holder';
import {
  DOWNLOAD_CHUNK_BYTES,
  DocumentsService,
  type UploadedDocument,
} from '../documents/documents.service';
import type {
  AnswerDto,
  CreateProgrammeDto,
  FollowUpDto,
  LockDto,
  MoveDto,
  RemindDto,
  ReportDto,
  SwapDto,
} from './dto/visitation.dto';
import { REMINDABLE_STEPS } from './dto/visitation.dto';

type WorkflowHandle = ReturnType<
  ReturnType<TemporalClientHolder['require']>['workflow']['getHandle']
>;

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isDate = (x: unknown): x is string => typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x);

/**
 * Collegial visitations and audits (docs/domain.md §3, source 001 §6.2): the secretariat opens
 * a programme, has the solver propose a schedule, adjusts it (locks, swaps, moves, re-solves),
 * publishes it; then every visit runs as its own workflow, and hosts and visitors answer
 * through it. Every read and command is scoped to the caller's SWV: another SWV's ids answer 404.
 */
@Injectable()
export class VisitationService {
  constructor(
    private readonly visitation: VisitationRepository,
    private readonly schools: SchoolRepository,
    private readonly persons: PersonRepository,
    private readonly organisations: OrganisationRepository,
    private readonly temporal: TemporalClientHolder,
    private readonly documents: DocumentsService,
    private readonly documentRows: DocumentRepository,
  ) {}

  // ---- the programme ----

  async create(me: AuthenticatedPerson, dto: CreateProgrammeDto) {
    const errors: FieldError[] = [];
    const add = (field: string, rule: string, message: string) =>
      errors.push({ field, rule, message });
    const region = (await this.organisations.get(me.organisationId))?.region ?? 'noord';
    const windows: VisitWindow[] = Array.isArray(dto.windows)
      ? dto.windows.filter(isObject).map((w) => ({ start: String(w.start), end: String(w.end) }))
      : [];
    const hosts: HostToAdd[] = [];
    const rawHosts = Array.isArray(dto.hosts) ? dto.hosts : [];
    if (!Array.isArray(dto.hosts) || rawHosts.length === 0)
      add('hosts', 'required', explainRule(me, 'hosts'));
    for (const [i, h] of rawHosts.entries()) {
      const field = `hosts[${i}]`;
      if (!isObject(h) || !HOST_KINDS.includes(h.kind as HostKind)) {
        add(`${field}.kind`, 'kind', explainRule(me, 'hostKind'));
        continue;
      }
      const kind = h.kind as HostKind;
      const contacts = Array.isArray(h.contactPersonIds)
        ? h.contactPersonIds.filter((x): x is string => typeof x === 'string')
        : [];
      for (const c of contacts) {
        if (!(await this.persons.exists(me.organisationId, c).catch(() => false)))
          add(`${field}.contactPersonIds`, 'in_tenant', explainRule(me, 'person'));
      }
      if (kind === 'process') {
        const name = typeof h.name === 'string' ? h.name.trim() : '';
        if (name === '') add(`${field}.name`, 'required', explainRule(me, 'name'));
        if (contacts.length === 0)
          add(`${field}.contactPersonIds`, 'required', explainRule(me, 'contact'));
        hosts.push({ kind, name, schoolId: null, region, contactPersonIds: contacts });
        continue;
      }
      const schoolId = typeof h.schoolId === 'string' ? h.schoolId : '';
      const school = await this.schools.get(me.organisationId, schoolId).catch(() => null);
      if (!school) {
        add(`${field}.schoolId`, 'in_tenant', explainRule(me, 'school'));
        continue;
      }
      const schoolContacts =
        contacts.length > 0
          ? contacts
          : (await this.persons.activeSchoolContacts(me.organisationId, [school.id])).map(
              (p) => p.id,
            );
      if (schoolContacts.length === 0)
        add(`${field}.contactPersonIds`, 'required', explainRule(me, 'contact'));
      const name =
        kind === 'location' && typeof h.name === 'string' && h.name.trim() !== ''
          ? `${school.name} – ${h.name.trim()}`
          : school.name;
      hosts.push({
        kind,
        name,
        schoolId: school.id,
        region,
        contactPersonIds: schoolContacts,
        ...(Array.isArray(h.unavailable) ? { unavailable: h.unavailable.filter(isDate) } : {}),
      });
    }
    const visitors: VisitorToAdd[] = [];
    const rawVisitors = Array.isArray(dto.visitors) ? dto.visitors : [];
    for (const [i, v] of rawVisitors.entries()) {
      const field = `visitors[${i}]`;
      const personId = isObject(v) && typeof v.personId === 'string' ? v.personId : '';
      if (!(await this.persons.exists(me.organisationId, personId).catch(() => false))) {
        add(`${field}.personId`, 'in_tenant', explainRule(me, 'person'));
        continue;
      }
      const o = v as Record<string, unknown>;
      visitors.push({
        personId,
        trainedChair: o.trainedChair === true,
        ...(typeof o.maxVisits === 'number' ? { maxVisits: o.maxVisits } : {}),
        ...(Array.isArray(o.unavailable) ? { unavailable: o.unavailable.filter(isDate) } : {}),
      });
    }
    const instance: VisitationInstance = {
      schoolYear: dto.schoolYear,
      kind: dto.kind,
      playbook: DEFAULT_PLAYBOOKS[dto.kind].key,
      teamSize: dto.teamSize,
      maxVisitsPerVisitor: dto.maxVisitsPerVisitor,
      windows,
      hosts: hosts.map((h, i) => ({ id: `h${i}`, name: h.name, kind: h.kind, region: h.region })),
      visitors: visitors.map((v) => ({
        id: v.personId,
        name: v.personId,
        trainedChair: v.trainedChair,
      })),
    };
    errors.push(
      ...validateInstance(instance, me.locale).filter((e) => !e.field.startsWith('hosts[')),
    );
    if (errors.length > 0) throw new FieldValidationError(errors[0]!.message, errors);
    const id = await this.visitation.createProgramme({
      organisationId: me.organisationId,
      title: dto.title,
      schoolYear: dto.schoolYear,
      kind: dto.kind,
      playbook: DEFAULT_PLAYBOOKS[dto.kind],
      teamSize: dto.teamSize,
      maxVisitsPerVisitor: dto.maxVisitsPerVisitor,
      windows,
      createdByPersonId: me.id,
      hosts,
      visitors,
    });
    return this.detail(me, id);
  }

  list(me: AuthenticatedPerson) {
    return this.visitation.listProgrammes(me.organisationId);
  }

  async detail(me: AuthenticatedPerson, id: string) {
    const programme = await this.programme(me, id);
    const proposal = await this.visitation.latestProposal(me.organisationId, id);
    return {
      ...programme,
      locks: await this.visitation.locks(id),
      proposal: proposal ? this.proposalView(me, proposal) : null,
      visits:
        programme.status === 'published' ? await this.visitation.visits(me.organisationId, id) : [],
    };
  }

  // ---- proposals and adjustments ----

  /** The solver's proposal around what is locked; explanations when no schedule exists. */
  async propose(me: AuthenticatedPerson, id: string, timeLimitSeconds = 20) {
    await this.draft(me, id);
    const instance = (await this.visitation.instance(me.organisationId, id))!;
    const locks = await this.visitation.locks(id);
    const p = await proposeSchedule(instance, { locks, timeLimitSeconds });
    const saved = await this.visitation.saveProposal(id, {
      status: p.status,
      objective: p.schedule ? p.objective.total : null,
      schedule: p.schedule ?? null,
      report: {
        gap: p.gap,
        seconds: p.seconds,
        objective: p.objective,
        binding: p.binding,
        infeasibility: p.infeasibility,
        violations: p.violations,
      },
    });
    return this.proposalView(me, saved);
  }

  /** Locks a whole visit as proposed, one seat, or a date; a re-solve keeps them. */
  async lock(me: AuthenticatedPerson, id: string, dto: LockDto) {
    await this.draft(me, id);
    const locks = await this.visitation.locks(id);
    const programme = await this.programme(me, id);
    if (!programme.hosts.some((h) => h.id === dto.hostId))
      throw DomainError.of('VALIDATION', 'hostId', 'visit.unknownHost');
    let added: ScheduleLock[];
    if (dto.whole) {
      added = lockVisit(await this.schedule(me, id), dto.hostId);
    } else if (dto.visitorId) {
      added = [{ kind: 'seat', hostId: dto.hostId, visitorId: dto.visitorId }];
    } else if (dto.date) {
      added = [{ kind: 'date', hostId: dto.hostId, date: dto.date }];
    } else {
      throw DomainError.of('VALIDATION', 'date', 'visit.lockWhat');
    }
    const kept = locks.filter(
      (l) =>
        !added.some(
          (a) =>
            a.hostId === l.hostId &&
            a.kind === l.kind &&
            (a.kind === 'date' || (l.kind === 'seat' && a.visitorId === l.visitorId)),
        ),
    );
    await this.visitation.setLocks(id, [...kept, ...added]);
    return this.visitation.locks(id);
  }

  async clearLocks(me: AuthenticatedPerson, id: string) {
    await this.draft(me, id);
    await this.visitation.setLocks(id, []);
    return [];
  }

  async swap(me: AuthenticatedPerson, id: string, dto: SwapDto) {
    await this.draft(me, id);
    const current = await this.schedule(me, id);
    // Each named person must sit in the named visit's team: else 422 naming the field.
    for (const [hostId, visitorId, side] of [
      [dto.hostA, dto.visitorA, 'A'],
      [dto.hostB, dto.visitorB, 'B'],
    ] as const) {
      const visit = current.visits.find((v) => v.hostId === hostId);
      if (!visit) throw DomainError.of('RULE_VIOLATION', `host${side}`, 'visit.unknownHost');
      if (!visit.team.some((s) => s.visitorId === visitorId))
        throw DomainError.of('RULE_VIOLATION', `visitor${side}`, 'visit.notInTeam');
    }
    return this.adjust(me, id, (s) =>
      swapVisitors(
        s,
        { hostId: dto.hostA, visitorId: dto.visitorA },
        { hostId: dto.hostB, visitorId: dto.visitorB },
      ),
    );
  }

  async move(me: AuthenticatedPerson, id: string, dto: MoveDto) {
    return this.adjust(me, id, (s) => moveVisit(s, dto.hostId, dto.date));
  }

  /** A hand-made change: stored as a new proposal with the checker's verdict. */
  private async adjust(me: AuthenticatedPerson, id: string, change: (s: Schedule) => Schedule) {
    await this.draft(me, id);
    const schedule = change(await this.schedule(me, id));
    const instance = (await this.visitation.instance(me.organisationId, id))!;
    const violations = checkSchedule(instance, schedule);
    const saved = await this.visitation.saveProposal(id, {
      status: 'feasible',
      objective: null,
      schedule,
      report: { adjusted: true, binding: [], infeasibility: [], violations },
    });
    return this.proposalView(me, saved);
  }

  /**
   * Publishes the newest proposal (only one that breaks no rule) and starts the programme's
   * workflow, which starts one workflow per visit. Publishing again only makes sure the
   * programme's workflow runs.
   */
  async publish(me: AuthenticatedPerson, id: string) {
    const programme = await this.programme(me, id);
    // Temporal first: without it nothing is published (no visit rows without their flows).
    const client = this.temporal.require();
    const workflowId = visitationProgrammeWorkflowId(me.organisationId, id);
    if (programme.status === 'draft') {
      const proposal = await this.visitation.latestProposal(me.organisationId, id);
      const violations = (proposal?.report.violations as VisitationExplanation[] | undefined) ?? [];
      if (!proposal?.schedule || violations.length > 0)
        throw DomainError.of('RULE_VIOLATION', 'proposal', 'visit.notPublishable');
      await this.visitation.publish({
        organisationId: me.organisationId,
        programmeId: id,
        schedule: proposal.schedule,
        programmeWorkflowId: workflowId,
        visitWorkflowId: (visitId) => visitWorkflowId(me.organisationId, id, visitId),
      });
    }
    await withTemporalDeadline(client, 'programme', async () => {
      try {
        await client.workflow.start('visitationProgrammeWorkflow', {
          taskQueue: TASK_QUEUES.cycles,
          workflowId,
          args: [{ organisationId: me.organisationId, programmeId: id }],
        });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
    });
    return this.detail(me, id);
  }

  async overview(me: AuthenticatedPerson, id: string) {
    await this.programme(me, id);
    const t = catalogueFor(me.locale).mail.visitation.steps;
    return (await this.visitation.overview(me.organisationId, id)).map((r) => ({
      ...r,
      overdueLabels: r.overdue.map((s) => t[s as keyof typeof t] ?? s),
    }));
  }

  async overviewCsv(me: AuthenticatedPerson, id: string): Promise<string> {
    const rows = await this.overview(me, id);
    return toVisitationOverviewCsv(rows.map((r) => ({ ...r, overdue: r.overdueLabels })));
  }

  // ---- joint programmes ----

  /** Links a partner SWV (by slug) to one of the SWV's own programmes. */
  async linkPartner(me: AuthenticatedPerson, id: string, partnerSlug: string) {
    await this.draft(me, id);
    const partner = await this.visitation.linkPartner({
      organisationId: me.organisationId,
      programmeId: id,
      partnerSlug,
      personId: me.id,
    });
    if (!partner) throw DomainError.of('VALIDATION', 'partner', 'visit.unknownPartner');
    return { partner: partner.name, accepted: false };
  }

  /** The programmes other SWVs linked this SWV to. */
  partnerships(me: AuthenticatedPerson) {
    return this.visitation.partnerships(me.organisationId);
  }

  /**
   * The partner's side on one page: the programmes other SWVs linked this SWV to, the SWV's
   * own active people to nominate (never another SWV's), and each accepted programme's public
   * schedule.
   */
  async partnershipsPage(me: AuthenticatedPerson) {
    const links = await this.visitation.partnerships(me.organisationId);
    const people = (await this.persons.list(me.organisationId))
      .filter((p) => p.active)
      .map((p) => ({ id: p.id, name: p.name }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return {
      people,
      partnerships: await Promise.all(
        links.map(async (l) => ({
          ...l,
          schedule: l.accepted ? await this.visitation.publicSchedule(l.programmeId) : [],
        })),
      ),
    };
  }

  async acceptPartnership(me: AuthenticatedPerson, programmeId: string) {
    if (!(await this.visitation.acceptPartnership(me.organisationId, programmeId, me.id)))
      throw notFound('Partnership');
    return { accepted: true };
  }

  /**
   * Adds a visitor to a draft programme: the host's secretariat one of its own people; a
   * partner's secretariat (`asPartner`) one of its own, once it accepted the link. Neither ever
   * picks the other SWV's people.
   */
  async addVisitor(
    me: AuthenticatedPerson,
    programmeId: string,
    dto: { personId: string; trainedChair?: boolean },
    asPartner: boolean,
  ) {
    if (asPartner) {
      if (!(await this.visitation.isAcceptedPartner(programmeId, me.organisationId)))
        throw notFound('Partnership');
    } else {
      await this.draft(me, programmeId);
    }
    const added = await this.visitation.addVisitor({
      programmeId,
      personOrganisationId: me.organisationId,
      personId: dto.personId,
      trainedChair: dto.trainedChair === true,
    });
    if (!added) throw DomainError.of('VALIDATION', 'personId', 'visit.personNotInTenant');
    return { added: true };
  }

  /**
   * The programme's public schedule (hosts and dates, no people): for the host SWV's office
   * and for everyone of an accepted partner SWV; 404 for anyone else.
   */
  async publicSchedule(me: AuthenticatedPerson, programmeId: string) {
    const own = await this.visitation.programme(me.organisationId, programmeId);
    const partner =
      !own && (await this.visitation.isAcceptedPartner(programmeId, me.organisationId));
    if (!(own && isOffice(me)) && !partner) throw notFound('Programme');
    return this.visitation.publicSchedule(programmeId);
  }

  // ---- a visit ----

  /** The visits the person takes part in (host contact or team member). */
  async mine(me: AuthenticatedPerson) {
    return (await this.visitation.visitsOfPerson(me.organisationId, me.id)).map((v) =>
      this.visitView(v),
    );
  }

  async visit(me: AuthenticatedPerson, visitId: string) {
    const v = await this.visitFor(me, visitId);
    return this.visitView(v);
  }

  async answer(me: AuthenticatedPerson, visitId: string, dto: AnswerDto) {
    const v = await this.visitFor(me, visitId);
    return this.command(v, (h) =>
      h.executeUpdate(answerVisitDateUpdate, {
        args: [{ actorPersonId: me.id, answer: dto.answer }],
      }),
    );
  }

  async report(me: AuthenticatedPerson, visitId: string, dto: ReportDto) {
    const v = await this.visitFor(me, visitId);
    return this.submitReport(me, v, dto);
  }

  /**
   * A report uploaded as a file (the web form): stored with the checks of POST /api/documents
   * in the host SWV's document store (a partner's chair hands in the host's report), then
   * handed in as the step's next version. A file refusal names the field `file`.
   */
  async uploadReport(
    me: AuthenticatedPerson,
    visitId: string,
    step: string,
    file: UploadedDocument | undefined,
  ) {
    const v = await this.visitFor(me, visitId);
    if (!REPORT_STEPS.includes(step as ReportDto['step']))
      throw DomainError.of('VALIDATION', 'step', 'visit.unknownStep');
    // A refusal of the file (type, size, empty) names the field `file`.
    const stored = await this.documents.store(v.organisationId, file);
    return this.submitReport(me, v, {
      step: step as ReportDto['step'],
      documentId: stored.id,
    });
  }

  private async submitReport(me: AuthenticatedPerson, v: VisitRecord, dto: ReportDto) {
    const result = await this.command(v, (h) =>
      h.executeUpdate(submitVisitReportUpdate, {
        args: [{ actorPersonId: me.id, step: dto.step, documentId: dto.documentId }],
      }),
    );
    await this.visitation.addReport({
      organisationId: v.organisationId,
      visitId: v.id,
      step: dto.step,
      documentId: dto.documentId,
      personId: me.id,
    });
    // A report is in use: never removed as an unused upload.
    await this.documentRows.markUsed(v.organisationId, dto.documentId);
    return result;
  }

  /**
   * What the visit's page shows the person: the visit, its reports (every version), the
   * follow-up actions with their owners' names, which report steps they may hand in now, and
   * whether they act as the host SWV's office (reschedule, cancel, the check). Same checks
   * as `visit`: 404 for anyone who may not see it.
   */
  async visitPage(me: AuthenticatedPerson, visitId: string) {
    const v = await this.visitFor(me, visitId);
    const state = v.state as {
      hostPersonIds?: string[];
      steps?: { key: string; openedAt: string | null; done: boolean }[];
      followUps?: {
        key: string;
        description: string;
        ownerPersonId: string;
        dueDate: string;
        status: 'open' | 'done';
      }[];
    };
    const office = isOffice(me) && v.organisationId === me.organisationId;
    const hosts = state.hostPersonIds ?? v.contactPersonIds;
    const chair = v.team.find((s) => s.role === 'chair')?.visitorId;
    const owners: Record<ReportDto['step'], string[]> = {
      self_evaluation: hosts,
      host_reaction: hosts,
      draft_report: chair ? [chair] : [],
      final_report: chair ? [chair] : [],
    };
    const closed = v.status === 'cancelled' || v.status === 'closed';
    const uploadSteps = closed
      ? []
      : REPORT_STEPS.filter((step) => {
          const s = (state.steps ?? []).find((x) => x.key === step);
          return (
            !!s &&
            s.openedAt !== null &&
            (!s.done || step === 'final_report' || step === 'self_evaluation') &&
            owners[step].includes(me.id)
          );
        });
    const followUps = state.followUps ?? [];
    const people = [
      ...new Set([
        ...v.team.map((s) => s.visitorId),
        ...hosts,
        ...followUps.map((f) => f.ownerPersonId),
      ]),
    ];
    const names = await this.names(me, v, people);
    if (office) {
      for (const p of await this.persons.activeWithRole(me.organisationId, 'secretariat'))
        if (!names.has(p.id)) names.set(p.id, p.name);
    }
    const participants = [...new Set([...hosts, ...v.team.map((s) => s.visitorId)])];
    return {
      visit: this.visitView(v),
      office,
      // The public schedule is for the host's office and the people of an accepted partner.
      maySeeSchedule: office || v.organisationId !== me.organisationId,
      uploadSteps,
      reports: await this.visitation.reports(v.id),
      followUps: followUps.map((f) => ({
        ...f,
        ownerName: names.get(f.ownerPersonId) ?? '',
        mayComplete:
          !closed && f.status === 'open' && ((office && isEditor(me)) || f.ownerPersonId === me.id),
      })),
      mayAddFollowUp: !closed && (office || chair === me.id),
      ownerOptions: [...names.entries()]
        .filter(([id]) => participants.includes(id) || office)
        .map(([id, name]) => ({ id, name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      names,
    };
  }

  /** Every version of the visit's reports: for the team, the host and the office. */
  async reports(me: AuthenticatedPerson, visitId: string) {
    const v = await this.visitFor(me, visitId);
    return this.visitation.reports(v.id);
  }

  /** One report version's file, for whoever may see the visit; 404 for any other document. */
  async reportDownload(
    me: AuthenticatedPerson,
    visitId: string,
    documentId: string,
  ): Promise<{
    info: { filename: string; contentType: string; sizeBytes: number };
    content: AsyncIterable<Buffer>;
  }> {
    const v = await this.visitFor(me, visitId);
    const listed = (await this.visitation.reports(v.id)).some((r) => r.documentId === documentId);
    const doc = listed ? await this.documentRows.find(v.organisationId, documentId) : null;
    if (!doc) throw notFound('Document');
    return {
      info: { filename: doc.filename, contentType: doc.contentType, sizeBytes: doc.sizeBytes },
      content: this.documentRows.contentChunks(
        v.organisationId,
        documentId,
        doc.sizeBytes,
        DOWNLOAD_CHUNK_BYTES,
      ),
    };
  }

  async reschedule(me: AuthenticatedPerson, visitId: string, visitDate: string) {
    const v = await this.visitFor(me, visitId, { office: true });
    return this.command(v, (h) =>
      h.executeUpdate(rescheduleVisitUpdate, { args: [{ actorPersonId: me.id, visitDate }] }),
    );
  }

  /**
   * "Herinner nu": the secretariat of the host SWV reminds, at once, whoever still owes an
   * open step, with the same mail as the flow's timed reminder (through the outbox). A step
   * nobody owes, or not open yet, is a 409.
   */
  async remindNow(me: AuthenticatedPerson, visitId: string, step: RemindDto['step']) {
    const v = await this.visitFor(me, visitId, { office: true });
    if (!REMINDABLE_STEPS.includes(step))
      throw DomainError.of('VALIDATION', 'step', 'visit.unknownStep');
    return this.command(v, (h) =>
      h.executeUpdate(remindVisitStepNowUpdate, { args: [{ actorPersonId: me.id, step }] }),
    );
  }

  async cancel(me: AuthenticatedPerson, visitId: string, reason: string) {
    const v = await this.visitFor(me, visitId, { office: true });
    return this.command(v, (h) =>
      h.executeUpdate(cancelVisitUpdate, { args: [{ actorPersonId: me.id, reason }] }),
    );
  }

  async addFollowUp(me: AuthenticatedPerson, visitId: string, dto: FollowUpDto) {
    const v = await this.visitFor(me, visitId);
    const chair = v.team.find((s) => s.role === 'chair')?.visitorId;
    if (!isOffice(me) && chair !== me.id) throw notFound('Visit');
    const participants = new Set([...v.contactPersonIds, ...v.team.map((s) => s.visitorId)]);
    if (!participants.has(dto.ownerPersonId) && !(await this.isSecretariat(me, dto.ownerPersonId)))
      throw DomainError.of('VALIDATION', 'ownerPersonId', 'visit.ownerUnknown');
    return this.command(v, (h) =>
      h.executeUpdate(addFollowUpActionUpdate, {
        args: [{ actorPersonId: me.id, ...dto }],
      }),
    );
  }

  /**
   * Marks a follow-up action done: its owner, or the secretariat (or admin) of the host SWV.
   * Whoever may not see the visit gets 404 (another SWV, someone outside it); someone on the
   * visit who is neither the owner nor the secretariat gets 403, and nothing changes.
   */
  async completeFollowUp(me: AuthenticatedPerson, visitId: string, key: string) {
    const v = await this.visitFor(me, visitId);
    const followUps = (v.state as { followUps?: { key: string; ownerPersonId: string }[] })
      .followUps;
    const action = (followUps ?? []).find((f) => f.key === key);
    if (!action) throw DomainError.of('NOT_FOUND', 'key', 'visit.unknownAction');
    const editor = isEditor(me) && v.organisationId === me.organisationId;
    if (!editor && action.ownerPersonId !== me.id) {
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        message: renderText(me.locale, codedText('visit.notYourAction')),
      });
    }
    return this.command(v, (h) =>
      h.executeUpdate(completeFollowUpActionUpdate, { args: [{ actorPersonId: me.id, key }] }),
    );
  }

  async completeCheck(me: AuthenticatedPerson, visitId: string) {
    const v = await this.visitFor(me, visitId, { office: true });
    return this.command(v, (h) =>
      h.executeUpdate(completeFollowUpCheckUpdate, { args: [{ actorPersonId: me.id }] }),
    );
  }

  /**
   * Names of the people of a visit the person may see (`visit`): those of the programme's
   * SWVs (host and accepted partners) only.
   */
  async names(
    me: AuthenticatedPerson,
    visit: { programmeId: string },
    ids: string[],
  ): Promise<Map<string, string>> {
    const found = await this.visitation.participantContacts(visit.programmeId, ids);
    return new Map(found.map((p) => [p.id, p.name]));
  }

  // ---- helpers ----

  private async programme(me: AuthenticatedPerson, id: string) {
    const p = await this.visitation.programme(me.organisationId, id);
    if (!p) throw notFound('Programme');
    return p;
  }

  private async draft(me: AuthenticatedPerson, id: string) {
    const p = await this.programme(me, id);
    if (p.status !== 'draft') throw DomainError.of('CONFLICT', undefined, 'visit.published');
    return p;
  }

  private async schedule(me: AuthenticatedPerson, id: string): Promise<Schedule> {
    const proposal = await this.visitation.latestProposal(me.organisationId, id);
    if (!proposal?.schedule) throw DomainError.of('CONFLICT', 'proposal', 'visit.noProposal');
    return proposal.schedule;
  }

  /**
   * The visit, when the person may see it: the office of its SWV, or someone who takes part.
   * Anyone else (another SWV, a person of the SWV outside the visit) gets 404.
   */
  private async visitFor(
    me: AuthenticatedPerson,
    visitId: string,
    opts: { office?: boolean } = {},
  ): Promise<VisitRecord> {
    const v =
      (await this.visitation.visit(me.organisationId, visitId)) ??
      // A person of a partner SWV who takes part in a joint programme's visit.
      (opts.office
        ? null
        : await this.visitation.visitAsPartner(me.organisationId, me.id, visitId));
    if (!v) throw notFound('Visit');
    const takesPart =
      v.contactPersonIds.includes(me.id) || v.team.some((s) => s.visitorId === me.id);
    const ownOffice = isOffice(me) && v.organisationId === me.organisationId;
    if (opts.office ? !ownOffice : !ownOffice && !takesPart) throw notFound('Visit');
    return v;
  }

  private async isSecretariat(me: AuthenticatedPerson, personId: string): Promise<boolean> {
    const office = await this.persons.activeWithRole(me.organisationId, 'secretariat');
    return office.some((p) => p.id === personId);
  }

  private async command<T>(v: VisitRecord, fn: (h: WorkflowHandle) => Promise<T>): Promise<T> {
    const client = this.temporal.require();
    return withTemporalDeadline(client, 'This visit has not started yet', () =>
      fn(client.workflow.getHandle(v.workflowId)),
    );
  }

  private visitView(v: VisitRecord) {
    return {
      id: v.id,
      programmeId: v.programmeId,
      host: { id: v.hostId, name: v.hostName, kind: v.hostKind },
      visitDate: v.visitDate,
      team: v.team,
      status: v.status,
      state: v.state,
    };
  }

  private proposalView(me: AuthenticatedPerson, p: ProposalRecord) {
    const list = (key: string) =>
      ((p.report[key] as VisitationExplanation[] | undefined) ?? []).map((e) => ({
        ...explanationText(e),
        message: explain(e, me.locale),
      }));
    return {
      id: p.id,
      status: p.status,
      objective: p.objective,
      gap: (p.report.gap as number | undefined) ?? null,
      schedule: p.schedule,
      binding: list('binding'),
      infeasibility: list('infeasibility'),
      violations: list('violations'),
      createdAt: p.createdAt,
    };
  }
}

const REPORT_STEPS: readonly ReportDto['step'][] = [
  'self_evaluation',
  'draft_report',
  'host_reaction',
  'final_report',
];

/** Who changes a programme and its visits: the secretariat (and admin), not the director. */
function isEditor(me: AuthenticatedPerson): boolean {
  return me.roles.some((r) => r === 'secretariat' || r === 'admin');
}

function isOffice(me: AuthenticatedPerson): boolean {
  return me.roles.some((r) => r === 'secretariat' || r === 'admin' || r === 'director');
}

/** A field check of the programme's form, in the reader's language (libs/i18n, visit.*). */
function explainRule(
  me: AuthenticatedPerson,
  what: 'hosts' | 'hostKind' | 'person' | 'name' | 'contact' | 'school',
): string {
  const code = {
    hosts: 'visit.hostsRequired',
    hostKind: 'visit.hostKind',
    person: 'visit.personNotInTenant',
    name: 'visit.nameRequired',
    contact: 'visit.hostWithoutContact',
    school: 'visit.schoolNotInTenant',
  } as const;
  return renderText(me.locale, codedText(code[what]));
}
