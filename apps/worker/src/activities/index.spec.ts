import type { OutboxService } from '@jaarcyclus/mail';
import type { DataSource } from 'typeorm';
import { createActivities } from './index';

/**
 * Running workflows and recorded histories schedule activities by name: the names the worker
 * registers must never change, whatever composes them.
 */
describe('createActivities', () => {
  it('registers every activity of the cycles and of housekeeping under its name, each once', () => {
    const activities = createActivities({
      dataSource: {} as DataSource,
      outbox: {} as OutboxService,
      publicUrl: 'https://jaarcyclus.test',
    });
    expect(Object.keys(activities).sort()).toEqual(
      [
        // budget cycle and decision round
        'snapshotRoster',
        'openBallots',
        'sendVoteReminders',
        'sendEscalation',
        'sendRoundResult',
        'updateTasks',
        'recordAuditEvent',
        'recordCycleStatus',
        'invitationsOpenAt',
        'publishCycleState',
        'requestAdoption',
        'notifyDispute',
        'sendAllocationLetters',
        // accountability
        'pinFormatVersion',
        'recordCycle',
        'loadSchoolContacts',
        'notifySchool',
        'remindSchool',
        'remindSchools',
        'escalateLate',
        'requestReview',
        'updateAccountabilityTasks',
        'recordStatus',
        'startSchoolWorkflows',
        'computeUnderspending',
        'recordDeduction',
        // support plan (its rounds use the decision round's activities above)
        'publishSupportPlanState',
        'requestSupportPlanAdoption',
        'notifySupportPlanConsentWithheld',
        // autumn ECT evaluation
        'openEctEvaluations',
        'sendEctReminders',
        'storeEctEvaluation',
        'escalateEctOverdue',
        'cancelEctTasks',
        'publishEctEvaluationState',
        // housekeeping (the daily Temporal Schedule)
        'removeUnusedDocuments',
        'removeExpiredSignIns',
        'blankSentMailBodies',
        // collegial visitations and audits
        'notifyVisit',
        'escalateVisit',
        'updateVisitTasks',
        'resolveVisitSeat',
        'publishVisitState',
        'startVisitWorkflows',
        // schakeltraject
        'recordTransitionStep',
        'notifyTransition',
        'eraseTransitionCase',
      ].sort(),
    );
    for (const fn of Object.values(activities)) expect(typeof fn).toBe('function');
  });
});
