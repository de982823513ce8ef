/**
 * The SMTP server did not accept a message. `permanent` is true for a 5xx reply (e.g. mailbox
 * unknown): retrying the same message will not help, so a caller such as a Temporal activity can
 * stop retrying. Anything else (connection refused, timeout, 4xx) is worth a retry.
 */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly idempotencyKey: string,
    readonly permanent: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MailDeliveryError';
  }
}
