import { Counter, register } from 'prom-client';

/**
 * Mail counters of this process (api or worker), in prom-client's default registry, which
 * each process's `/metrics` serves. Labels are reasons, never addressees or keys.
 */
export const mailMetrics = {
  sent: new Counter({
    name: 'jaarcyclus_mails_sent_total',
    help: 'Mails accepted by the SMTP server (each idempotency key at most once)',
    registers: [register],
  }),
  failed: new Counter({
    name: 'jaarcyclus_mails_failed_total',
    help: 'Delivery attempts that failed, by reason: rejected (SMTP 5xx, permanent), deferred (SMTP 4xx), connection (no SMTP answer: refused, timeout), secret_gone (a sign-in mail whose token was lost)',
    labelNames: ['reason'] as const,
    registers: [register],
  }),
};

export type MailFailureReason = 'rejected' | 'deferred' | 'connection' | 'secret_gone';

/** The reason label of a failed attempt (see mailMetrics.failed). */
export function mailFailureReason(err: unknown, secretGone: boolean): MailFailureReason {
  if (secretGone) return 'secret_gone';
  const code = (err as { responseCode?: unknown } | null)?.responseCode;
  if (typeof code === 'number' && code >= 500) return 'rejected';
  if (typeof code === 'number' && code >= 400) return 'deferred';
  return 'connection';
}
