import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import { routePattern } from './metrics';

/**
 * Express middleware: each request is a server span, named by method and route pattern once
 * routed (`POST /api/budget-cycles/:year/votes`; never ids), and the active span while the
 * request is handled, so that the api's Temporal calls continue its trace. Without a tracer
 * provider (OTEL_EXPORTER_OTLP_ENDPOINT unset) the spans are no-ops.
 */
export function httpTracing(): (req: Request, res: Response, next: NextFunction) => void {
  const tracer = trace.getTracer('jaarcyclus-api');
  return (req, res, next) => {
    tracer.startActiveSpan(
      req.method,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method } },
      (span) => {
        // Body parsing continues in the socket's callbacks: keep them in this request's context.
        const active = context.active();
        context.bind(active, req);
        context.bind(active, res);
        res.once('finish', () => {
          const route = routePattern(req);
          span.updateName(`${req.method} ${route}`);
          span.setAttribute('http.route', route);
          span.setAttribute('http.response.status_code', res.statusCode);
          if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
        });
        next();
      },
    );
  };
}
