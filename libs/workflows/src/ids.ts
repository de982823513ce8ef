/**
 * Workflow ids are business keys: one budget cycle per SWV (tenant) and budget year. Starting
 * a second cycle for the same year is refused by Temporal (id already in use), which is the
 * duplicate check the api relies on.
 */
export function budgetWorkflowId(organisationId: string, budgetYear: number): string {
  return `budget:${organisationId}:${budgetYear}`;
}

/**
 * Idempotency key of one side effect for one recipient: `${workflowId}:r${round}:${step}:${recipient}`.
 * Activities receive the prefix (everything but the recipient) and append the recipient, so a
 * retried activity or a replayed workflow never mails or inserts twice.
 */
export function sideEffectKeyPrefix(workflowId: string, round: number, step: string): string {
  return `${workflowId}:r${round}:${step}`;
}

export function sideEffectKey(prefix: string, recipient: string): string {
  return `${prefix}:${recipient}`;
}
