import { Logger } from '@nestjs/common';
import { createDataSource } from '@jaarcyclus/persistence';
import { dataConverter, tracingClientInterceptors, tracingFromEnv } from '@jaarcyclus/temporal';
import { createApiApp } from './app.factory';
import { ApiConfig, ConfigError } from '@jaarcyclus/api/config';
import { TemporalClientHolder } from '@jaarcyclus/api/temporal/temporal-client.holder';

/** Fails fast with one line when PostgreSQL cannot be reached or the schema is behind. */
async function checkDatabase(config: ApiConfig): Promise<void> {
  const url = new URL(config.databaseUrl);
  const where = `${url.hostname}:${url.port || 5432}`;
  const ds = createDataSource(config.databaseUrl, {
    logging: false,
    extra: { connectionTimeoutMillis: 5_000 },
  });
  try {
    await ds.initialize();
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (
      code === 'ECONNREFUSED' ||
      code === 'ENOTFOUND' ||
      code === 'ETIMEDOUT' ||
      code === 'EHOSTUNREACH' ||
      /timeout/i.test(String(err))
    ) {
      throw new ConfigError(
        `PostgreSQL not reachable at ${where} — set DATABASE_URL or install PostgreSQL`,
      );
    }
    throw new ConfigError(
      `PostgreSQL at ${where} refused the connection: ${(err as Error).message}`,
    );
  }
  try {
    if (await ds.showMigrations()) {
      throw new ConfigError(
        'The database schema is not up to date — run the migrations first (node dist/apps/api/src/cli/migrate.js)',
      );
    }
  } finally {
    await ds.destroy();
  }
}

async function main(): Promise<void> {
  const config = ApiConfig.fromEnv();
  // Traces only with OTEL_EXPORTER_OTLP_ENDPOINT (libs/temporal tracing.ts); before the app,
  // so that its spans have a provider.
  const tracing = tracingFromEnv('jaarcyclus-api', process.env);
  await checkDatabase(config);
  const app = await createApiApp(config);
  // SIGINT/SIGTERM close the app: mails in flight are handed to SMTP, connections closed.
  app.enableShutdownHooks();
  await app.get(TemporalClientHolder).connectInBackground({
    address: config.temporalAddress,
    namespace: config.temporalNamespace,
    // Workflow data is encrypted with the configured keys, as in the worker.
    dataConverter: dataConverter(config.payloadKeyRing),
    ...(tracing ? { interceptors: tracingClientInterceptors() } : {}),
  });
  await app.listen(config.port);
  const logger = new Logger('Jaarcyclus');
  logger.log(`api listening on ${config.publicUrl} (port ${config.port})`);
  logger.log(
    `health: ${config.publicUrl}/health · OpenAPI: ${config.apiDocs ? `${config.publicUrl}/api/docs` : 'off (API_DOCS)'}`,
  );
}

main().catch((err: unknown) => {
  // One clear line for configuration problems; the full error for anything unexpected.
  console.error(err instanceof ConfigError ? `[api] ${err.message}` : err);
  process.exit(1);
});
