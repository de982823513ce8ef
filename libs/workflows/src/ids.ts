/**
 * Business keys of every cycle, in one place: workflow ids and the idempotency keys of their
 * side effects. Running workflows and recorded histories carry these strings, so each one must
 * stay byte for byte what it is (ids.spec.ts pins them); a new cycle adds its own id here.
 *
 * Workflow ids are business keys: a second start with the same id is refused by Temporal (id
 * already in use), which is the duplicate check the api relies on and what makes a fan-out
 * safe to repeat.
 */

/** One budget cycle per SWV (tenant) and budget year. */
export function budgetWorkflowId(organisationId: string, budgetYear: number): string {
  return `budget:${organisationId}:${budgetYear}`;
}

/** One accountability cycle per SWV (tenant) and accounting year. */
export function accountabilityWorkflowId(organisationId: string, accountingYear: number): string {
  return `accountability:${organisationId}:${accountingYear}`;
}

/** One school workflow per school in an accountability cycle. */
export function schoolAccountabilityWorkflowId(
  organisationId: string,
  accountingYear: number,
  schoolId: string,
): string {
  return `accountability:${organisationId}:${accountingYear}:school:${schoolId}`;
}

/** One support-plan decision per SWV (tenant) and four-year plan period, e.g. `support-plan:<id>:2027-2031`. */
export function supportPlanWorkflowId(
  organisationId: string,
  firstYear: number,
  lastYear: number,
): string {
  return `support-plan:${organisationId}:${firstYear}-${lastYear}`;
}

/** One autumn ECT evaluation per SWV (tenant) and calendar year evaluated. */
export function ectEvaluationWorkflowId(organisationId: string, year: number): string {
  return `ect-evaluation:${organisationId}:${year}`;
}

/** One programme of collegial visitations or audits (its publish fan-out). */
export function visitationProgrammeWorkflowId(organisationId: string, programmeId: string): string {
  return `visitation:${organisationId}:${programmeId}`;
}

/** One visit's flow, from invitation to the follow-up check. */
export function visitWorkflowId(
  organisationId: string,
  programmeId: string,
  visitId: string,
): string {
  return `visitation:${organisationId}:${programmeId}:visit:${visitId}`;
}

/**
 * One schakeltraject case (docs/domain.md §4). The case id is random: the workflow id, which
 * Temporal never encrypts, says nothing about the pupil.
 */
export function transitionWorkflowId(organisationId: string, caseId: string): string {
  return `transition:${organisationId}:${caseId}`;
}

/**
 * Idempotency keys of side effects are `${prefix}:${recipient}`: the workflow builds the prefix
 * (workflow id and step) and passes it to the activity, which appends the recipient per mail,
 * task or row (`sideEffectKey`), so a retried activity or a replayed workflow never mails or
 * inserts twice.
 */

/** Prefix of one step of a workflow without rounds: `${workflowId}:${step}`. */
export function stepKey(workflowId: string, step: string): string {
  return `${workflowId}:${step}`;
}

/** Prefix of one step in a round (decision rounds): `${workflowId}:r${round}:${step}`. */
export function sideEffectKeyPrefix(workflowId: string, round: number, step: string): string {
  return `${workflowId}:r${round}:${step}`;
}

/** The key of one side effect for one recipient: `${prefix}:${recipient}`. */
export function sideEffectKey(prefix: string, recipient: string): string {
  return `${prefix}:${recipient}`;
}

/** Step of the accountability invitation: the school workflow's own and the fan-out's (same outbox keys). */
export const INVITATION_STEP = 'invitation';

/** Ref of the accountability 'submit' task of submission `version` (1: the one the invitation creates). */
export function submitTaskRef(accountingYear: number, version: number): string {
  return `accountability:${accountingYear}:submit:v${version}`;
}
