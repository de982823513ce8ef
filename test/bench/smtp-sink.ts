// bench:fanout's SMTP sink, in a process of its own (as a real SMTP server would be): the same
// parsing capture the tests use; it reports its port, then each accepted message's recipients
// and acceptance time, to the bench over IPC.
import { SmtpCapture } from '@jaarcyclus/testing';

export interface SinkMessage {
  to: string[];
  receivedAtMs: number;
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('smtp-sink runs as a child process with an IPC channel');
  const send = process.send.bind(process);
  const capture = await new SmtpCapture({
    onMessage: (m) => send({ kind: 'mail', to: m.to, receivedAtMs: m.receivedAtMs }),
  }).start();
  send({ kind: 'ready', port: capture.port });
  process.on('disconnect', () => {
    void capture.stop().then(() => process.exit(0));
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
