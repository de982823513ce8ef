import { Injectable } from '@nestjs/common';
import { HealthRepository } from '@jaarcyclus/persistence';
import { Gauge, Registry, register } from 'prom-client';
import { TemporalClientHolder } from '../temporal/temporal-client.holder';

const TEMPORAL_COUNT_TIMEOUT_MS = 2_000;

/**
 * The api's gauges, read when scraped: the outbox's backlog, cycles by state (PostgreSQL's read
 * model) and workflow executions by status (Temporal's visibility). Counters and histograms
 * live in the default registry (metrics.ts, libs/mail); a scrape serves both.
 */
@Injectable()
export class MetricsService {
  private readonly registry = new Registry();

  constructor(
    private readonly health: HealthRepository,
    private readonly temporal: TemporalClientHolder,
  ) {
    const backlog = () => this.health.outboxBacklog();
    new Gauge({
      name: 'jaarcyclus_outbox_unsent',
      help: 'Mails stored in the outbox and not sent, by status (pending: will be retried; failed: refused permanently)',
      labelNames: ['status'] as const,
      registers: [this.registry],
      async collect() {
        const b = await backlog();
        this.set({ status: 'pending' }, b.pending);
        this.set({ status: 'failed' }, b.failed);
      },
    });
    new Gauge({
      name: 'jaarcyclus_outbox_oldest_unsent_age_seconds',
      help: 'Seconds since the oldest unsent outbox message was stored (0: none unsent)',
      registers: [this.registry],
      async collect() {
        this.set((await backlog()).oldestUnsentAgeSeconds);
      },
    });
    const cycles = () => this.health.cyclesByState();
    new Gauge({
      name: 'jaarcyclus_cycles',
      help: 'Cycles by kind and state (the read model), over every SWV',
      labelNames: ['kind', 'status'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const c of await cycles()) this.set({ kind: c.kind, status: c.status }, c.count);
      },
    });
    const workflows = () => this.workflowsByStatus();
    new Gauge({
      name: 'jaarcyclus_workflows',
      help: 'Workflow executions in the namespace by status (Temporal visibility); absent while Temporal is down',
      labelNames: ['status'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const [status, count] of await workflows()) this.set({ status }, count);
      },
    });
  }

  async scrape(): Promise<{ contentType: string; body: string }> {
    const merged = Registry.merge([register, this.registry]);
    return { contentType: merged.contentType, body: await merged.metrics() };
  }

  /** Counts by ExecutionStatus; empty when Temporal does not answer in time. */
  private async workflowsByStatus(): Promise<Map<string, number>> {
    const client = this.temporal.current;
    const out = new Map<string, number>();
    if (!client) return out;
    try {
      const result = await client.connection.withDeadline(
        Date.now() + TEMPORAL_COUNT_TIMEOUT_MS,
        () => client.workflow.count('GROUP BY ExecutionStatus'),
      );
      for (const g of result.groups) {
        out.set(String(g.groupValues[0] ?? 'unknown').toLowerCase(), g.count);
      }
    } catch {
      // Temporal down or slow: the gauge is left out of this scrape; /health says why.
    }
    return out;
  }
}
