import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  DEFAULT_TRANSITION_CONFIG,
  DomainError,
  type SchoolRegion,
  SCHOOL_REGIONS,
  type TransitionMove,
  type TransitionPhase,
  amsterdamDate,
  businessDaysBetween,
  compareLocalDate,
  isTransitionOverdue,
  openTransition,
  parseLocalDate,
  transitionDueOn,
  transitionYearNumbers,
  type TransitionYearNumbers,
  type TransitionConfig,
  type TransitionSettings,
  transitionConfigFrom,
  transitionConfigOf,
  transitionSettingsOf,
} from '@jaarcyclus/domain';
import {
  FieldCipher,
  Repositories,
  type TransitionAccessLogRow,
  type TransitionCaseView,
  type TransitionDocument,
  type TransitionRepository,
} from '@jaarcyclus/persistence';
import {
  TASK_QUEUES,
  type TransitionMoveInput,
  takeTransitionStepUpdate,
  transitionWorkflowId,
} from '@jaarcyclus/workflows';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import { toDomainError, withTemporalDeadline } from '../budget/workflow-errors';
import { ApiConfig } from '../config';
import { TemporalClientHolder } from '../temporal/temporal-client.holder';
import {
  DOCUMENT_TYPES,
  DOWNLOAD_CHUNK_BYTES,
  documentRefusal,
  type UploadedDocument,
} from '../documents/documents.service';
import type { OpenTransitionDto, TransitionStepDto } from './transition.dto';
import type { TransitionSettingsDto } from './transition-settings.dto';

/** A row of the overview: no pupil data, only where the case stands. */
export interface TransitionOverviewItem {
  id: string;
  status: 'open' | 'closed' | 'erased';
  phase: TransitionPhase;
  outcome: string | null;
  vsoSchoolName: string;
  regularSchoolName: string | null;
  daysInPhase: number;
  dueOn: string | null;
  overdue: boolean;
}

const NOT_FOUND = 'No such transition case';

/**
 * Schakeltrajecten (docs/domain.md §4): opening a case, its steps, the parents' view and export,
 * the overview and the yearly numbers. Need to know: only the people on a case open it (the
 * repository decides and logs every read); everyone else, the secretariat included, gets 404.
 */
@Injectable()
export class TransitionsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(TransitionsService.name);
  private readonly cases: TransitionRepository | null;

  constructor(
    private readonly repos: Repositories,
    private readonly temporal: TemporalClientHolder,
    config: ApiConfig,
  ) {
    // The repository holds the only key that opens pupil data; without one, cases answer 503.
    this.cases = config.personalDataKeyRing
      ? repos.transitionsWithKey(new FieldCipher(config.personalDataKeyRing))
      : null;
  }

  /**
   * Handover documents attached before their content was encrypted at rest are encrypted now
   * (the api holds the key; the worker does not). A failure is logged (a count, no data) and
   * retried at the next start: the files stay readable meanwhile.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.cases) return;
    try {
      const n = await this.cases.encryptPlainDocuments();
      if (n > 0) this.logger.log(`encrypted the content of ${n} schakeltraject document(s)`);
    } catch (err) {
      this.logger.warn(
        `could not encrypt older schakeltraject documents yet: ${(err as Error).name}`,
      );
    }
  }

  private repo(): TransitionRepository {
    if (!this.cases) {
      throw DomainError.of('UNAVAILABLE', undefined, 'refusal.unavailable');
    }
    return this.cases;
  }

  /** The vso school's contact (or an ECT member) opens a case and invites the parent. */
  async open(me: AuthenticatedPerson, dto: OpenTransitionDto): Promise<{ id: string }> {
    const repo = this.repo();
    parseLocalDate(dto.pupilBirthDate, 'pupilBirthDate');
    const school = await repo.schoolForOpening(me.organisationId, dto.vsoSchoolId);
    if (!school) throw new DomainError('NOT_FOUND', 'No such school', 'vsoSchoolId');
    if (school.kind !== 'special') {
      throw DomainError.of('RULE_VIOLATION', 'vsoSchoolId', 'transition.notAVsoSchool', {
        field: 'vsoSchoolId',
      });
    }
    const mySchool = await this.repos.persons.schoolIdOf(me.organisationId, me.id);
    const isVsoContact = me.roles.includes('school_contact') && mySchool === dto.vsoSchoolId;
    if (!isVsoContact && !me.roles.includes('ect_member')) {
      throw DomainError.of('RULE_VIOLATION', undefined, 'transition.notYourStep');
    }
    const client = this.temporal.require();
    const parent = await repo.ensureParent(
      me.organisationId,
      dto.parentEmail,
      dto.parentName,
      'nl',
    );
    if (parent === 'taken') {
      throw DomainError.of('CONFLICT', 'parentEmail', 'transition.parentEmailTaken', {
        field: 'parentEmail',
      });
    }
    const id = randomUUID();
    const workflowId = transitionWorkflowId(me.organisationId, id);
    // The SWV's settings when the case opens: the case keeps them (they travel with the workflow).
    const config = await this.config(me.organisationId);
    const today = amsterdamDate(new Date());
    const ect = new Set<string>();
    if (school.ectMemberPersonId) ect.add(school.ectMemberPersonId);
    if (me.roles.includes('ect_member')) ect.add(me.id);
    const region = (SCHOOL_REGIONS as readonly string[]).includes(school.region)
      ? (school.region as SchoolRegion)
      : null;
    await repo.create({
      id,
      organisationId: me.organisationId,
      workflowId,
      vsoSchoolId: dto.vsoSchoolId,
      pupil: { name: dto.pupilName, birthDate: dto.pupilBirthDate },
      parentPersonIds: [parent],
      ectPersonIds: [...ect],
      state: openTransition(dto.vsoSchoolId, today),
      config,
      createdByPersonId: me.id,
    });
    try {
      await withTemporalDeadline(client, NOT_FOUND, () =>
        client.workflow.start('transitionCaseWorkflow', {
          taskQueue: TASK_QUEUES.cycles,
          workflowId,
          args: [
            {
              organisationId: me.organisationId,
              caseId: id,
              vsoSchoolId: dto.vsoSchoolId,
              region,
              config,
              openedByPersonId: me.id,
            },
          ],
        }),
      );
    } catch (err) {
      throw toDomainError(err, NOT_FOUND);
    }
    return { id };
  }

  /** The SWV's schakeltraject configuration (its settings, else the defaults). */
  private async config(organisationId: string): Promise<TransitionConfig> {
    const organisation = await this.repos.organisations.get(organisationId);
    return transitionConfigOf(organisation?.settings?.transition);
  }

  /** The SWV's settings and the defaults beside them (GET /api/transitions/settings). */
  async settings(
    me: AuthenticatedPerson,
  ): Promise<{ settings: TransitionSettings; defaults: TransitionSettings; custom: boolean }> {
    const organisation = await this.repos.organisations.get(me.organisationId);
    return {
      settings: transitionSettingsOf(transitionConfigOf(organisation?.settings?.transition)),
      defaults: transitionSettingsOf(DEFAULT_TRANSITION_CONFIG),
      custom: organisation?.settings?.transition !== undefined,
    };
  }

  /** Stores the SWV's settings; cases opened afterwards follow them (running ones keep theirs). */
  async updateSettings(
    me: AuthenticatedPerson,
    dto: TransitionSettingsDto,
  ): Promise<{ settings: TransitionSettings; defaults: TransitionSettings; custom: boolean }> {
    await this.repos.transaction(async (tx) => {
      const organisation = await tx.organisations.get(me.organisationId, { lock: true });
      if (!organisation) throw new DomainError('NOT_FOUND', 'No such organisation');
      const current = transitionConfigOf(organisation.settings?.transition);
      organisation.settings = {
        ...(organisation.settings ?? {}),
        transition: transitionConfigFrom(dto, current),
      };
      await tx.organisations.save(organisation);
    });
    return this.settings(me);
  }

  /** The case as the person may see it (logged), or 404. */
  async get(
    me: AuthenticatedPerson,
    caseId: string,
    action: 'read' | 'export' = 'read',
  ): Promise<TransitionCaseView & { documents: TransitionDocument[] }> {
    const repo = this.repo();
    const view = await repo.read(me.organisationId, caseId, me.id, action);
    if (!view) throw new DomainError('NOT_FOUND', NOT_FOUND);
    return { ...view, documents: await repo.documents(caseId) };
  }

  /** One step: the person's side on the case decides what they may do; the workflow checks the rest. */
  async step(me: AuthenticatedPerson, caseId: string, dto: TransitionStepDto) {
    const repo = this.repo();
    const actor = await repo.accessOf(me.organisationId, caseId, me.id);
    const workflowId = await repo.workflowIdOf(me.organisationId, caseId);
    if (!actor || !workflowId) throw new DomainError('NOT_FOUND', NOT_FOUND);
    const client = this.temporal.require();
    const note = dto.note?.trim() ? dto.note.trim() : null;
    const noteId = note ? await repo.addNote(caseId, me.id, 'step', note) : null;
    const input: TransitionMoveInput = {
      move: moveOf(dto),
      actor,
      actorPersonId: me.id,
      noteId,
    };
    try {
      return await withTemporalDeadline(client, NOT_FOUND, () =>
        client.workflow
          .getHandle(workflowId)
          .executeUpdate(takeTransitionStepUpdate, { args: [input] }),
      );
    } catch (err) {
      const mapped = toDomainError(err, NOT_FOUND);
      // A refused step leaves no text behind.
      if (noteId && mapped instanceof DomainError && mapped.code !== 'UNAVAILABLE') {
        await repo.removeNote(caseId, noteId);
      }
      throw mapped;
    }
  }

  /** The documents attached to a case the person may see (need to know, else 404). */
  async documents(me: AuthenticatedPerson, caseId: string): Promise<TransitionDocument[]> {
    const repo = this.repo();
    if ((await repo.accessOf(me.organisationId, caseId, me.id)) === null) {
      throw new DomainError('NOT_FOUND', NOT_FOUND);
    }
    return repo.documents(caseId);
  }

  /**
   * The vso school (or the case's ECT member) attaches a document at the handover (OPP,
   * aftercare plan …): the checks of every upload (type, size, content), stored with the case.
   */
  async attachDocument(
    me: AuthenticatedPerson,
    caseId: string,
    file: UploadedDocument | undefined,
  ): Promise<TransitionDocument> {
    const repo = this.repo();
    const actor = await repo.accessOf(me.organisationId, caseId, me.id);
    if (actor === null) throw new DomainError('NOT_FOUND', NOT_FOUND);
    if (actor !== 'vso' && actor !== 'ect') {
      throw DomainError.of('RULE_VIOLATION', undefined, 'transition.notYourStep');
    }
    const at = (await this.repos.transitions.overview(me.organisationId)).find(
      (c) => c.id === caseId,
    );
    if (!at || at.status !== 'open') {
      throw DomainError.of('RULE_VIOLATION', undefined, 'transition.caseClosed');
    }
    if (at.phase !== 'handover') {
      throw DomainError.of('RULE_VIOLATION', 'file', 'transition.wrongPhase', {
        phase: at.phase,
      });
    }
    const refusal = documentRefusal(file);
    if (refusal) throw refusal;
    const { originalname, mimetype, buffer } = file as UploadedDocument;
    const id = await repo.attachDocument(caseId, me.id, {
      organisationId: me.organisationId,
      filename: originalname.slice(0, 255),
      extension: DOCUMENT_TYPES.get(mimetype)!,
      contentType: mimetype,
      sizeBytes: buffer.length,
      sha256: createHash('sha256').update(buffer).digest('hex'),
      content: buffer,
    });
    return (await repo.documents(caseId)).find((d) => d.id === id)!;
  }

  /** A document of the case for a person on it (logged as a download), else 404. */
  async downloadDocument(
    me: AuthenticatedPerson,
    caseId: string,
    attachmentId: string,
  ): Promise<{ document: TransitionDocument; content: AsyncIterable<Buffer> }> {
    const found = await this.repo().openDocument(
      me.organisationId,
      caseId,
      attachmentId,
      me.id,
      DOWNLOAD_CHUNK_BYTES,
    );
    if (!found) throw new DomainError('NOT_FOUND', 'No such document');
    return found;
  }

  /** The parents add their view (not a step: it does not move the case). */
  async addParentView(me: AuthenticatedPerson, caseId: string, view: string): Promise<void> {
    const repo = this.repo();
    const actor = await repo.accessOf(me.organisationId, caseId, me.id);
    if (actor !== 'parent') throw new DomainError('NOT_FOUND', NOT_FOUND);
    await repo.addNote(caseId, me.id, 'parent_view', view.trim());
  }

  /**
   * The AVG export for the parents (right of access, art. 15): everything the case holds about
   * their child, as a JSON file; logged as an export.
   */
  async export(me: AuthenticatedPerson, caseId: string): Promise<{ file: string; body: string }> {
    const view = await this.get(me, caseId, 'export');
    if (view.viewer !== 'parent') throw new DomainError('NOT_FOUND', NOT_FOUND);
    const body = JSON.stringify(
      {
        exportedAt: new Date().toISOString(),
        organisation: me.organisation.name,
        case: {
          id: view.id,
          pupil: view.pupil,
          vsoSchool: view.vsoSchoolName,
          regularSchool: view.regularSchoolName,
          status: view.status,
          state: view.state,
          steps: view.steps,
          notes: view.notes.map((n) => ({
            kind: n.kind,
            author: n.authorName,
            at: n.createdAt,
            text: n.body,
          })),
          participants: view.participants.map((p) => ({ role: p.role, name: p.name })),
          documents: view.documents.map((d) => ({
            name: d.filename,
            type: d.contentType,
            bytes: d.sizeBytes,
            at: d.createdAt,
          })),
        },
        accessLog: await this.repos.transitions.accessLog(me.organisationId, caseId),
      },
      null,
      2,
    );
    return { file: `schakeltraject-${view.id}.json`, body };
  }

  /** Every case of the SWV: phase, days in phase, due, overdue. No pupil data. */
  async overview(me: AuthenticatedPerson): Promise<TransitionOverviewItem[]> {
    const today = amsterdamDate(new Date());
    const rows = await this.repos.transitions.overview(me.organisationId);
    return rows.map((r) => {
      const region = (SCHOOL_REGIONS as readonly string[]).includes(r.region)
        ? (r.region as SchoolRegion)
        : undefined;
      const dueOn = r.status === 'open' ? transitionDueOn(r.state, r.config, region) : null;
      return {
        id: r.id,
        status: r.status,
        phase: r.phase,
        outcome: r.outcome,
        vsoSchoolName: r.vsoSchoolName,
        regularSchoolName: r.state.consentSchoolIds.length > 0 ? r.regularSchoolName : null,
        daysInPhase:
          r.status === 'open' && compareLocalDate(r.state.phaseStartedOn, today) <= 0
            ? businessDaysBetween(r.state.phaseStartedOn, today)
            : 0,
        dueOn,
        overdue: r.status === 'open' && isTransitionOverdue(r.state, today, r.config, region),
      };
    });
  }

  /** The cases the person is on (a school contact, an ECT member, a parent): no pupil data. */
  async mine(me: AuthenticatedPerson): Promise<TransitionOverviewItem[]> {
    const ids = new Set(await this.repos.transitions.caseIdsOf(me.organisationId, me.id));
    if (ids.size === 0) return [];
    return (await this.overview(me)).filter((c) => ids.has(c.id));
  }

  /** Where the person may open a case: their own vso school, or (an ECT member) every vso school. */
  async openableSchools(me: AuthenticatedPerson): Promise<{ id: string; name: string }[]> {
    const all = await this.repos.transitions.vsoSchools(me.organisationId);
    if (me.roles.includes('ect_member')) return all;
    if (!me.roles.includes('school_contact')) return [];
    const mine = await this.repos.persons.schoolIdOf(me.organisationId, me.id);
    return all.filter((s) => s.id === mine);
  }

  /** The regular schools to choose from (orientation). */
  async regularSchools(me: AuthenticatedPerson): Promise<{ id: string; name: string }[]> {
    return (await this.repos.schools.regularSchools(me.organisationId)).map((s) => ({
      id: s.id,
      name: s.name,
    }));
  }

  /** The yearly numbers for the annual report: counts and medians only. */
  async numbers(me: AuthenticatedPerson, year: number): Promise<TransitionYearNumbers> {
    return transitionYearNumbers(await this.repos.transitions.yearFacts(me.organisationId), year);
  }

  /** The access log of a case, for the SWV's privacy officer (the administrators). */
  async accessLog(me: AuthenticatedPerson, caseId: string): Promise<TransitionAccessLogRow[]> {
    if (!me.roles.includes('admin')) throw new DomainError('NOT_FOUND', NOT_FOUND);
    const workflowId = await this.repos.transitions.workflowIdOf(me.organisationId, caseId);
    if (!workflowId) throw new DomainError('NOT_FOUND', NOT_FOUND);
    return this.repos.transitions.accessLog(me.organisationId, caseId);
  }
}

/** The domain's move from the form's fields (the DTO checked which are there). */
export function moveOf(dto: TransitionStepDto): TransitionMove {
  switch (dto.kind) {
    case 'chooseSchool':
      return {
        kind: 'chooseSchool',
        schoolId: dto.schoolId!,
        priorConsultationOn: dto.priorConsultationOn!,
      };
    case 'recordConsent':
      return { kind: 'recordConsent', schoolId: dto.schoolId! };
    case 'completeOrientation':
      return { kind: 'completeOrientation', parentsMetOn: dto.parentsMetOn! };
    case 'recordConsultation':
      return {
        kind: 'recordConsultation',
        meetingOn: dto.meetingOn!,
        researchDueOn: dto.researchDueOn ? dto.researchDueOn : null,
      };
    case 'completeResearch':
      return { kind: 'completeResearch' };
    case 'decide':
      return { kind: 'decide', decision: dto.decision! };
    case 'recordHandover':
      return { kind: 'recordHandover', startOn: dto.startOn! };
    case 'recordEvaluation':
      return { kind: 'recordEvaluation', heldOn: dto.heldOn! };
    case 'close':
      return { kind: 'close', result: dto.result! };
    case 'end':
      return { kind: 'end', reason: dto.reason! };
  }
}
