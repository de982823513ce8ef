import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSmtpTransport, OutboxService } from '@jaarcyclus/mail';
import { createDataSource } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import type { DataSource } from 'typeorm';
import { startMetricsServer, type MetricsServer } from './metrics-server';

const TOKEN = 'worker-metrics-token-0123456789';

describe("the worker's /metrics", () => {
  let db: TestDatabase;
  let ds: DataSource;
  let smtp: SmtpCapture;
  let sdk: http.Server;
  let server: MetricsServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource(db.url).initialize();
    smtp = await new SmtpCapture().start();
    // Stands in for the Temporal SDK's Prometheus exporter (Runtime.install telemetry).
    sdk = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(
        '# TYPE temporal_workflow_task_schedule_to_start_latency histogram\ntemporal_workflow_task_schedule_to_start_latency_count{task_queue="cycles"} 3\n',
      );
    });
    await new Promise<void>((r) => sdk.listen(0, '127.0.0.1', () => r()));
    server = await startMetricsServer({
      port: 0,
      host: '127.0.0.1',
      token: TOKEN,
      sdkMetricsAddress: `127.0.0.1:${(sdk.address() as AddressInfo).port}`,
    });
  });

  afterAll(async () => {
    await server.close();
    await new Promise((r) => sdk.close(r));
    await ds.destroy();
    await smtp.stop();
  });

  const get = (path: string, token?: string) =>
    fetch(`http://127.0.0.1:${server.port}${path}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });

  it('refuses a scraper without the token, and is live without one', async () => {
    expect((await get('/metrics')).status).toBe(401);
    expect((await get('/metrics', 'wrong-token-wrong-token')).status).toBe(401);
    const live = await get('/health/live');
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'live' });
  });

  it("shows the mails this worker sent and failed, and passes on the Temporal SDK's metrics", async () => {
    const outbox = new OutboxService(
      ds,
      createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`),
      'Jaarcyclus <noreply@jaarcyclus.example>',
    );
    const mail = (key: string, to: string) => ({
      idempotencyKey: key,
      organisationId: null,
      to,
      subject: 'Herinnering',
      text: 'tekst',
      html: '<p>tekst</p>',
    });
    smtp.refused.add('onbekend@school.example');
    await outbox.deliver(mail('worker-metrics:1', 'a@school.example'));
    // The same key again: not sent twice, not counted twice.
    await outbox.deliver(mail('worker-metrics:1', 'a@school.example'));
    await expect(
      outbox.deliver(mail('worker-metrics:2', 'onbekend@school.example')),
    ).rejects.toThrow();

    const res = await get('/metrics', TOKEN);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toMatch(/^jaarcyclus_mails_sent_total 1$/m);
    expect(body).toMatch(/^jaarcyclus_mails_failed_total\{reason="rejected"\} 1$/m);
    expect(body).toMatch(/^jaarcyclus_worker_process_cpu_seconds_total /m);
    expect(body).toContain(
      'temporal_workflow_task_schedule_to_start_latency_count{task_queue="cycles"} 3',
    );
    expect(smtp.messages).toHaveLength(1);
  });
});
