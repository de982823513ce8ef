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
        'updateTasks',
        'recordAuditEvent',
        'recordCycleStatus',
        'publishCycleState',
        'requestAdoption',
        'notifyDispute',
        'sendAllocationLetters',
        // accountability
        'pinFormatVersion',
        'recordCycle',
        'loadSchoolContacts',
        'notifySchool',
        'escalateLate',
        'requestReview',
        'updateAccountabilityTasks',
        'recordStatus',
        'startSchoolWorkflows',
        'computeUnderspending',
        'recordDeduction',
        // housekeeping (the daily Temporal Schedule)
        'removeUnusedDocuments',
        'removeExpiredSignIns',
        'blankSentMailBodies',
        // schakeltraject
        'recordTransitionStep',
        'notifyTransition',
        'eraseTransitionCase',
      ].sort(),
    );
    for (const fn of Object.values(activities)) expect(typeof fn).toBe('function');
  });
});
