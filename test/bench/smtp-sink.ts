// bench:fanout's SMTP sink, in a process of its own, as a real mail server would be. It does
// what a relay does with a message it accepts: takes the envelope and the whole DATA stream,
// then answers 250. Unlike the tests' SmtpCapture it does not parse the MIME message (the
// tests check the mails' content; the bench only counts and times them), so the sink takes as
// little as possible of the CPU the measured api, worker and Temporal server run on. It
// reports its port, then each accepted message's envelope recipients and acceptance time, to
// the bench over IPC.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SinkMessage {
  to: string[];
  receivedAtMs: number;
  /** The Message-ID header (read from the message's head only), to count duplicates. */
  messageId?: string;
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('smtp-sink runs as a child process with an IPC channel');
  const send = process.send.bind(process);
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    closeTimeout: 200,
    logger: false,
    onData: (stream, session, callback) => {
      let bytes = 0;
      // The head is all that is read: enough for the Message-ID, without parsing the MIME body.
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (head.length < 8192 && !head.includes('\r\n\r\n')) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        if (bytes === 0) return callback(new Error('empty message'));
        const to = session.envelope.rcptTo.map((a) => a.address.toLowerCase());
        const messageId = /^Message-ID:\s*(\S+)/im.exec(head.split('\r\n\r\n')[0] ?? '')?.[1];
        send({ kind: 'mail', to, receivedAtMs: Date.now(), ...(messageId ? { messageId } : {}) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  send({ kind: 'ready', port: (server.server.address() as AddressInfo).port });
  process.on('disconnect', () => {
    server.close(() => process.exit(0));
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
