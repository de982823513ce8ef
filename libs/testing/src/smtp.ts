import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

const SIGN_IN_LINK = /(https?:\/\/\S+\/auth\/verify\?token=[A-Za-z0-9_%-]+)/;

export interface CapturedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
  raw: ParsedMail;
  /** When the server accepted the message (epoch ms). */
  receivedAtMs: number;
}

/** A real SMTP server for tests: messages are parsed with mailparser and kept in memory. */
export class SmtpCapture {
  readonly messages: CapturedMail[] = [];
  private server?: SMTPServer;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      // Senders keep pooled connections open between messages; stop() closes them after this.
      closeTimeout: 200,
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const to = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
            this.messages.push({
              to,
              from: mail.from?.value[0]?.address ?? '',
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              headers: mail.headers as Map<string, unknown>,
              raw: mail,
              receivedAtMs: Date.now(),
            });
            callback();
          })
          .catch((err: Error) => callback(err));
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  to(address: string): CapturedMail[] {
    return this.messages.filter((m) => m.to.includes(address.toLowerCase()));
  }

  /** Sign-in links (`…/auth/verify?token=…`) mailed to `address`, oldest first. */
  signInLinks(address: string): string[] {
    return this.to(address).flatMap((m) => SIGN_IN_LINK.exec(m.text)?.[1] ?? []);
  }

  /** Waits (polling, bounded) until `predicate` holds for the captured messages. */
  async waitFor(predicate: (messages: CapturedMail[]) => boolean, timeoutMs = 20_000): Promise<CapturedMail[]> {
    const start = Date.now();
    while (!predicate(this.messages)) {
      if (Date.now() - start > timeoutMs) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for mail; got: ${this.messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join(' | ') || 'nothing'}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return this.messages;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
