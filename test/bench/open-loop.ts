// An open-loop load generator: request i is due at start + i / rate, whatever happened to the
// requests before it, and its latency counts from that due time (so a server that falls
// behind is charged for the wait it causes: no coordinated omission). Keep-alive connections,
// at most `connections` requests in flight; a request that finds every connection busy waits
// for one, and that wait counts too.
//
// Why not autocannon's `overallRate`: it gives each connection a quota per second and sends
// the quota back to back when the second begins, so 200 req/s over 50 connections arrive as
// bursts of 50 at each second boundary and the latencies measure the queue behind a burst.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile } from './support';

export interface OpenLoopResult {
  requests: number;
  non2xx: number;
  errors: number;
  /** Milliseconds, from each request's due time to its last byte. */
  latency: { p50: number; p90: number; p99: number; max: number };
  /** Requests completed per second over the run. */
  achievedRate: number;
}

export async function openLoop(options: {
  base: string;
  path: string;
  rate: number;
  seconds: number;
  connections: number;
  headers: (i: number) => Record<string, string>;
}): Promise<OpenLoopResult> {
  const url = new URL(options.path, options.base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const total = Math.round(options.rate * options.seconds);
  const intervalMs = 1000 / options.rate;
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const start = performance.now();
  const one = (i: number, dueAt: number): Promise<void> =>
    new Promise((resolve) => {
      const req = http.request(
        url,
        { method: 'GET', agent, headers: options.headers(i) },
        (res) => {
          if (res.statusCode === undefined || res.statusCode < 200 || res.statusCode >= 300)
            non2xx += 1;
          res.on('data', () => undefined);
          res.on('end', () => {
            latencies.push(performance.now() - dueAt);
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      req.end();
    });
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const dueAt = start + i * intervalMs;
    const wait = dueAt - performance.now();
    // Node truncates a fractional delay: round up, so that no request leaves before it is due.
    if (wait > 0) await new Promise((r) => setTimeout(r, Math.ceil(wait)));
    inFlight.push(one(i, dueAt));
  }
  await Promise.all(inFlight);
  const elapsedS = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    requests: latencies.length,
    non2xx,
    errors,
    latency: {
      p50: r(percentile(latencies, 50)),
      p90: r(percentile(latencies, 90)),
      p99: r(percentile(latencies, 99)),
      max: r(latencies[latencies.length - 1] ?? NaN),
    },
    achievedRate: Math.round(latencies.length / elapsedS),
  };
}
