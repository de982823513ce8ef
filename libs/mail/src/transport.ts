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
}

/** An SMTP transport (nodemailer) for a URL such as `smtp://127.0.0.1:1025` or `smtps://user:pass@host`. */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
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
  };
}
