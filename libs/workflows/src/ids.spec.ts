import {
  INVITATION_STEP,
  accountabilityWorkflowId,
  budgetWorkflowId,
  ectEvaluationWorkflowId,
  schoolAccountabilityWorkflowId,
  sideEffectKey,
  sideEffectKeyPrefix,
  stepKey,
  submitTaskRef,
  supportPlanWorkflowId,
} from './ids';

/**
 * Running workflows, recorded histories and stored outbox and audit rows carry these strings:
 * they must never change, whatever module builds them.
 */
describe('business keys', () => {
  const org = '11111111-1111-4111-8111-111111111111';
  const school = '22222222-2222-4222-8222-222222222222';
  const person = '33333333-3333-4333-8333-333333333333';

  it('keeps every workflow id byte for byte', () => {
    expect(budgetWorkflowId(org, 2027)).toBe(`budget:${org}:2027`);
    expect(accountabilityWorkflowId(org, 2026)).toBe(`accountability:${org}:2026`);
    expect(schoolAccountabilityWorkflowId(org, 2026, school)).toBe(
      `accountability:${org}:2026:school:${school}`,
    );
    expect(supportPlanWorkflowId(org, 2027, 2031)).toBe(`support-plan:${org}:2027-2031`);
    expect(ectEvaluationWorkflowId(org, 2026)).toBe(`ect-evaluation:${org}:2026`);
  });

  it('keeps every side-effect key byte for byte', () => {
    const budget = budgetWorkflowId(org, 2027);
    expect(sideEffectKey(sideEffectKeyPrefix(budget, 2, 'ballot-alv'), person)).toBe(
      `budget:${org}:2027:r2:ballot-alv:${person}`,
    );
    const wf = schoolAccountabilityWorkflowId(org, 2026, school);
    expect(sideEffectKey(stepKey(wf, INVITATION_STEP), person)).toBe(
      `accountability:${org}:2026:school:${school}:invitation:${person}`,
    );
    expect(sideEffectKey(stepKey(wf, 'status-1'), school)).toBe(`${wf}:status-1:${school}`);
    expect(submitTaskRef(2026, 1)).toBe('accountability:2026:submit:v1');
  });
});
