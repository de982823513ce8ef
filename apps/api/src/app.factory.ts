import type { INestApplication, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import cookieParser from 'cookie-parser';
import { AppModule } from './app.module';
import { SESSION_COOKIE } from '@jaarcyclus/api/auth/session.guard';
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
      logger: opts.logger ?? ['log', 'warn', 'error'],
      abortOnError: false,
    },
  );
  app.disable('x-powered-by');
  app.use(cookieParser());

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

  await app.init();
  return app;
}
