/**
 * Workflow ids are business keys (HOUSE_STYLE): one accountability cycle per SWV (tenant) and
 * accounting year, one school workflow per school in it. A second start with the same id is
 * refused by Temporal, which is what makes the fan-out safe to repeat.
 */
export function accountabilityWorkflowId(organisationId: string, accountingYear: number): string {
  return `accountability:${organisationId}:${accountingYear}`;
}

export function schoolAccountabilityWorkflowId(
  organisationId: string,
  accountingYear: number,
  schoolId: string,
): string {
  return `accountability:${organisationId}:${accountingYear}:school:${schoolId}`;
}

/**
 * Idempotency key prefix of one side effect of a school workflow: `${workflowId}:${step}`.
 * Activities append `:${recipient}` per mail, task or row (`accountabilitySideEffectKey`), so
 * a retried activity or a replayed workflow never mails or inserts twice.
 */
export function accountabilityStepKey(workflowId: string, step: string): string {
  return `${workflowId}:${step}`;
}

export function accountabilitySideEffectKey(prefix: string, recipient: string): string {
  return `${prefix}:${recipient}`;
}

/** Step of the invitation: the school workflow's own and the fan-out's (same outbox keys). */
export const INVITATION_STEP = 'invitation';

/** Ref of the 'submit' task of submission `version` (1: the one the invitation creates). */
export function submitTaskRef(accountingYear: number, version: number): string {
  return `accountability:${accountingYear}:submit:v${version}`;
}
