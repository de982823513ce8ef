import type { INestApplication, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { SESSION_COOKIE } from '@jaarcyclus/api/auth/session.guard';
import { httpMetrics } from '@jaarcyclus/api/metrics/metrics';
import { httpTracing } from '@jaarcyclus/api/metrics/tracing';
import { JsonLogger } from '@jaarcyclus/api/common/json-logger';
import type { ApiConfig } from '@jaarcyclus/api/config';

export interface ApiAppOptions {
  /**
   * A Temporal client to use. `null`: run without Temporal (tests; /health shows it down).
   * Left out: none yet — main.ts connects in the background (TemporalClientHolder).
   */
  temporalClient?: Client | null;
  logger?: LoggerService | LogLevel[] | false;
}

/** Builds the initialised api (not yet listening). Used by main.ts and by tests via supertest. */
export async function createApiApp(
  config: ApiConfig,
  opts: ApiAppOptions = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register(config, opts.temporalClient ?? null),
    {
      // JSON lines without personal data (JsonLogger); tests pass their own levels or sink.
      logger: opts.logger ?? new JsonLogger(),
      abortOnError: false,
    },
  );
  app.disable('x-powered-by');
  // First, so every request is timed, refused ones included (labelled by route pattern).
  app.use(httpMetrics());
  app.use(httpTracing());
  app.use(securityHeaders(config));
  app.use(cookieParser());

  // Production (API_DOCS=off) serves no API description: less to map for an attacker.
  if (config.apiDocs) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Jaarcyclus API')
        .setDescription(
          'Yearly governance cycles of a samenwerkingsverband passend onderwijs. Sign in: POST /api/auth/login, open the emailed link, press "Inloggen".',
        )
        .setVersion('0.1.0')
        .addBearerAuth()
        .addCookieAuth(SESSION_COOKIE)
        .build(),
    );
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  }

  await app.init();
  return app;
}

/**
 * Security headers on every response: JSON, the API docs, the assets and the pages. The pages
 * replace the Content-Security-Policy (and Referrer-Policy) with their own stricter ones
 * (libs/web/src/web-pages.ts); this policy is for everything else, the Swagger UI included,
 * whose inline styles and data: images it allows. HSTS only when PUBLIC_URL is https: over
 * http it would be ignored, and a local http set-up must not be told to use https.
 */
export function securityHeaders(config: ApiConfig): ReturnType<typeof helmet> {
  const https = config.secureCookies;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'none'"],
        'object-src': ["'none'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: https
      ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: false }
      : false,
    xFrameOptions: { action: 'deny' },
  });
}
