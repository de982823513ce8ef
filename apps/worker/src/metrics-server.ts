/**
 * The worker's `/metrics` (Prometheus text format) on a port of its own (METRICS_PORT), for a
 * scraper presenting METRICS_TOKEN as a bearer token: this process's own metrics (mails sent and
 * failed by reason, Node's process metrics) followed by the Temporal SDK's worker metrics
 * (schedule-to-start latency, task slots, polls, activity and workflow task latencies), which
 * the SDK's Rust core exports on a loopback address of its own (Runtime.install telemetry,
 * TEMPORAL_SDK_METRICS_ADDRESS) and which this endpoint passes on behind the same token.
 * `GET /health/live` answers 200 without a token (a supervisor's liveness probe).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { bearerMatches } from '@jaarcyclus/config';
import { collectDefaultMetrics, register } from 'prom-client';

const SDK_SCRAPE_TIMEOUT_MS = 2_000;

export interface MetricsServerOptions {
  port: number;
  /** Listen address; 0.0.0.0 in a container, where the scraper is another host. */
  host: string;
  token: string;
  /** host:port of the SDK's Prometheus exporter, or null when it is not installed. */
  sdkMetricsAddress: string | null;
}

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

let defaultMetricsCollected = false;

export async function startMetricsServer(opts: MetricsServerOptions): Promise<MetricsServer> {
  if (!defaultMetricsCollected) {
    collectDefaultMetrics({ prefix: 'jaarcyclus_worker_' });
    defaultMetricsCollected = true;
  }
  const server = http.createServer((req, res) => {
    void answer(req, res, opts).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function answer(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  opts: MetricsServerOptions,
): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method === 'GET' && path === '/health/live') {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end('{"status":"live"}');
    return;
  }
  if (req.method !== 'GET' || path !== '/metrics') {
    res.writeHead(404).end();
    return;
  }
  if (!bearerMatches(req.headers.authorization, opts.token)) {
    res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="metrics"' }).end();
    return;
  }
  const [own, sdk] = await Promise.all([register.metrics(), sdkMetrics(opts.sdkMetricsAddress)]);
  res.writeHead(200, { 'Content-Type': register.contentType, 'Cache-Control': 'no-store' });
  res.end(sdk ? `${own}\n${sdk}` : own);
}

/** The SDK exporter's text, or '' when it is not installed or does not answer in time. */
async function sdkMetrics(address: string | null): Promise<string> {
  if (!address) return '';
  try {
    const r = await fetch(`http://${address}/metrics`, {
      signal: AbortSignal.timeout(SDK_SCRAPE_TIMEOUT_MS),
    });
    return r.ok ? await r.text() : '';
  } catch {
    return '';
  }
}
