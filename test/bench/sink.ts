import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { SinkMessage } from './smtp-sink';

/** The benches' SMTP sink (smtp-sink.ts) in a child process: every accepted message lands in `messages`. */
export async function startSink(): Promise<{
  port: number;
  pid: number | undefined;
  messages: SinkMessage[];
  process: ChildProcess;
  /** Resolves once `n` messages matching `match` arrived (or after `timeoutMs`). */
  waitFor(match: (m: SinkMessage) => boolean, n: number, timeoutMs: number): Promise<SinkMessage[]>;
  stop(): void;
}> {
  const messages: SinkMessage[] = [];
  const child = fork(path.join(__dirname, 'smtp-sink.ts'), [], {
    execArgv: ['-r', '@swc-node/register'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.on('message', (m: { kind: string; port?: number } & SinkMessage) => {
      if (m.kind === 'ready') resolve(m.port!);
      else
        messages.push({
          to: m.to,
          receivedAtMs: m.receivedAtMs,
          ...(m.messageId ? { messageId: m.messageId } : {}),
        });
    });
    child.once('exit', (code) => reject(new Error(`smtp-sink exited with ${code}`)));
  });
  return {
    port,
    pid: child.pid,
    messages,
    process: child,
    async waitFor(match, n, timeoutMs) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.filter(match);
        if (found.length >= n || Date.now() > until) return found;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    stop() {
      child.disconnect();
    },
  };
}
