/**
 * The SMTP server did not accept a message. `permanent` is true when the recipient's address was
 * refused for good (e.g. mailbox unknown, see isRecipientRefusal): retrying the same message will
 * not help, so a caller such as a Temporal activity can stop retrying. Anything else (the relay
 * refusing every message, a failed login at the relay, connection refused, timeout, 4xx) is
 * worth a retry.
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
