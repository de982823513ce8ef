import nodemailer from 'nodemailer';

export interface TransportMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** RFC 5322 Message-ID, including the angle brackets. */
  messageId: string;
}

/** Sends one email. Throws when the SMTP server does not accept it. */
export interface MailTransport {
  send(mail: TransportMail): Promise<void>;
  /** Closes pooled connections (a no-op without a pool). */
  close(): void;
  /** Connects and greets the server without sending (the readiness probe); rejects when it cannot. */
  verify?(): Promise<void>;
}

export interface SmtpTransportOptions {
  /**
   * Keep a few connections open and reuse each for many messages, for a process that sends
   * bursts (the worker: a cycle's invitations, one per school contact): up to
   * `maxConnections` connections, each reused for up to 100 messages. Close it on shutdown.
   */
  pool?: boolean;
  /** With `pool`: how many connections at most (default DEFAULT_SMTP_POOL_CONNECTIONS). */
  maxConnections?: number;
}

/** Connections of a pooled transport unless configured otherwise (worker: SMTP_POOL_CONNECTIONS). */
export const DEFAULT_SMTP_POOL_CONNECTIONS = 10;

/** An SMTP transport (nodemailer) for a URL such as `smtp://127.0.0.1:1025` or `smtps://user:pass@host`. */
export function createSmtpTransport(
  smtpUrl: string,
  options: SmtpTransportOptions = {},
): MailTransport {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    ...(options.pool
      ? {
          pool: true,
          maxConnections: options.maxConnections ?? DEFAULT_SMTP_POOL_CONNECTIONS,
          maxMessages: 100,
        }
      : {}),
    // Bounded, so an unreachable server fails the delivery (and its retry) instead of hanging it.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
      });
    },
    close() {
      transporter.close();
    },
    async verify() {
      await transporter.verify();
    },
  };
}
