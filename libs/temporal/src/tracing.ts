/**
 * OpenTelemetry traces across api → Temporal → activities, off by default. With
 * OTEL_EXPORTER_OTLP_ENDPOINT set (an OTLP/HTTP collector, e.g. `http://otel-collector:4318`),
 * the api and the worker each install a tracer provider: the api's HTTP request is a span, its
 * Temporal calls (start, Update, Signal, Query) carry the trace in their headers
 * (@temporalio/interceptors-opentelemetry), the worker's workflow interceptors continue it into
 * the workflow's handlers and the activities it schedules, local ones included, and the
 * activity interceptor opens a span around each activity. Spans carry ids and names of
 * workflows, Updates and activities, never their arguments (those stay encrypted payloads).
 */
import type { Tracer } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import type { SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ClientInterceptors } from '@temporalio/client';
import type { InjectedSinks, WorkerInterceptors } from '@temporalio/worker';

// The OpenTelemetry SDK, its OTLP exporter and the Temporal interceptors are loaded only when
// traces are on: every process (and every test file) imports this module, few trace.
/* eslint-disable @typescript-eslint/no-require-imports */
const otelApi = () => require('@opentelemetry/api') as typeof import('@opentelemetry/api');
const interceptors = () =>
  require('@temporalio/interceptors-opentelemetry') as typeof import('@temporalio/interceptors-opentelemetry');
/* eslint-enable @typescript-eslint/no-require-imports */

/** The one variable that turns tracing on: the OTLP/HTTP collector's base URL. */
export const TRACING_ENV = 'OTEL_EXPORTER_OTLP_ENDPOINT';

export interface Tracing {
  resource: Resource;
  spanProcessor: SpanProcessor;
  tracer: Tracer;
  /** Flushes the spans not yet exported and stops the provider. */
  shutdown(): Promise<void>;
}

/**
 * Installs the process's tracer provider (global, with the AsyncLocalStorage context manager
 * and W3C trace-context propagation). `exporter`: where spans go (tests: an in-memory one,
 * exported span by span); else the OTLP/HTTP collector at `endpoint`, in batches.
 */
export function installTracing(opts: {
  serviceName: string;
  endpoint?: string;
  exporter?: SpanExporter;
}): Tracing {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { Resource: ResourceClass } =
    require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { BatchSpanProcessor, SimpleSpanProcessor } =
    require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { NodeTracerProvider } =
    require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const resource = new ResourceClass({ 'service.name': opts.serviceName });
  const spanProcessor = opts.exporter
    ? new SimpleSpanProcessor(opts.exporter)
    : (() => {
        const { OTLPTraceExporter } =
          require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
        return new BatchSpanProcessor(
          new OTLPTraceExporter({ url: `${(opts.endpoint ?? '').replace(/\/$/, '')}/v1/traces` }),
        );
      })();
  /* eslint-enable @typescript-eslint/no-require-imports */
  const { context, propagation, trace } = otelApi();
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  return {
    resource,
    spanProcessor,
    tracer: trace.getTracer('jaarcyclus'),
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/** The tracing of a process from its environment, or null when OTEL_EXPORTER_OTLP_ENDPOINT is unset. */
export function tracingFromEnv(serviceName: string, env: NodeJS.ProcessEnv): Tracing | null {
  const endpoint = env[TRACING_ENV]?.trim();
  return endpoint ? installTracing({ serviceName, endpoint }) : null;
}

/** A Client's interceptors: its calls continue the active trace into the workflow. */
export function tracingClientInterceptors(): ClientInterceptors {
  return { workflow: [new (interceptors().OpenTelemetryWorkflowClientInterceptor)()] };
}

/**
 * A Worker's options for tracing (with a bundle made by `bundleWorkflows({ tracing: true })`,
 * which holds the workflow interceptors): a span per activity, and the workflow's spans
 * exported from the sandbox through a sink.
 */
export function tracingWorkerOptions(tracing: Tracing): {
  interceptors: WorkerInterceptors;
  sinks: InjectedSinks<Record<string, never>>;
} {
  const { OpenTelemetryActivityInboundInterceptor, makeWorkflowExporter } = interceptors();
  return {
    interceptors: {
      activity: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx) })],
    },
    sinks: { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) } as never,
  };
}
