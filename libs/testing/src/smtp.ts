import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';

/** With the page to return to (`&next=`) when the person was sent to sign in from one. */
const SIGN_IN_LINK =
  /(https?:\/\/\S+\/auth\/verify\?token=[A-Za-z0-9_%-]+(?:&next=[A-Za-z0-9_%.~-]+)?)/;

/** How the server refuses a message: at RCPT TO or after the data, with this reply. */
export interface RelayRefusal {
  at: 'rcpt' | 'data';
  code: number;
  message: string;
}

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
  /** Addresses the server refuses permanently (550), as for an unknown mailbox. */
  readonly refused = new Set<string>();
  /**
   * While set, the server refuses every message with this reply, as a misconfigured or
   * overloaded relay does: at RCPT TO (e.g. 554 5.7.1 relaying denied, or 421) or after the
   * message data (e.g. 554 5.7.0 policy refusal).
   */
  relayRefusal: RelayRefusal | null = null;
  /**
   * Asked for every message when set, before `relayRefusal`: a refusal that changes over time
   * (e.g. 421 for 30 minutes of workflow time, then every other message: a flapping relay).
   */
  relayPolicy: (() => RelayRefusal | null | Promise<RelayRefusal | null>) | null = null;
  /** Messages refused by `relayRefusal` so far. */
  refusedByRelay = 0;
  /** Connections open now, and the most that were open at once. */
  openConnections = 0;
  maxOpenConnections = 0;
  /** Connections that ended in an error (e.g. reset by a killed sender). */
  connectionErrors = 0;
  private server?: SMTPServer;
  port = 0;

  /** `onMessage`: called with each message as it is accepted (e.g. to report it to another process). */
  constructor(private readonly options: { onMessage?: (mail: CapturedMail) => void } = {}) {}

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      // Senders keep pooled connections open between messages; stop() closes them after this.
      closeTimeout: 200,
      logger: false,
      onConnect: (_session, callback) => {
        this.openConnections += 1;
        this.maxOpenConnections = Math.max(this.maxOpenConnections, this.openConnections);
        callback();
      },
      onClose: () => {
        this.openConnections -= 1;
      },
      onRcptTo: (address, session, callback) => {
        void this.refusalFor(session.id, 'rcpt').then((relay) => {
          if (relay?.at === 'rcpt') {
            this.refusedByRelay += 1;
            return callback(Object.assign(new Error(relay.message), { responseCode: relay.code }));
          }
          if (!this.refused.has(address.address.toLowerCase())) return callback();
          callback(Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 }));
        });
      },
      onData: (stream, session, callback) => {
        void this.refusalFor(session.id, 'data').then((relay) =>
          this.receive(stream, relay, callback),
        );
      },
    });
    // A sender that dies mid-conversation (the fault-injection suite SIGKILLs the worker)
    // resets its connections: counted, not thrown.
    this.server.on('error', () => {
      this.connectionErrors += 1;
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  private receive(
    stream: Readable,
    relay: RelayRefusal | null,
    callback: (err?: Error | null) => void,
  ): void {
    if (relay?.at === 'data') {
      stream.resume();
      stream.on('end', () => {
        this.refusedByRelay += 1;
        callback(Object.assign(new Error(relay.message), { responseCode: relay.code }));
      });
      return;
    }
    simpleParser(stream)
      .then((mail) => {
        const to = [mail.to ?? []]
          .flat()
          .flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
        const captured: CapturedMail = {
          to,
          from: mail.from?.value[0]?.address ?? '',
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          html: typeof mail.html === 'string' ? mail.html : '',
          headers: mail.headers as Map<string, unknown>,
          raw: mail,
          receivedAtMs: Date.now(),
        };
        this.messages.push(captured);
        this.options.onMessage?.(captured);
        callback();
      })
      .catch((err: Error) => callback(err));
  }

  /** The policy's answer for the message under way in each session (RCPT TO and DATA agree). */
  private readonly decided = new Map<string, RelayRefusal | null>();
  private async refusalFor(session: string, stage: 'rcpt' | 'data'): Promise<RelayRefusal | null> {
    if (!this.relayPolicy) return this.relayRefusal;
    if (!this.decided.has(session)) this.decided.set(session, await this.relayPolicy());
    const refusal = this.decided.get(session) ?? null;
    // The message ends here: refused at RCPT TO, or its data arrived.
    if (stage === 'data' || refusal?.at === 'rcpt') this.decided.delete(session);
    return refusal;
  }

  to(address: string): CapturedMail[] {
    return this.messages.filter((m) => m.to.includes(address.toLowerCase()));
  }

  /** Sign-in links (`…/auth/verify?token=…`) mailed to `address`, oldest first. */
  signInLinks(address: string): string[] {
    return this.to(address).flatMap((m) => SIGN_IN_LINK.exec(m.text)?.[1] ?? []);
  }

  /** Waits (polling, bounded) until `predicate` holds for the captured messages. */
  async waitFor(
    predicate: (messages: CapturedMail[]) => boolean,
    timeoutMs = 20_000,
  ): Promise<CapturedMail[]> {
    const start = Date.now();
    while (!predicate(this.messages)) {
      if (Date.now() - start > timeoutMs) {
        throw new Error(
          `timed out after ${timeoutMs} ms waiting for mail; got: ${this.messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join(' | ') || 'nothing'}`,
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return this.messages;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
