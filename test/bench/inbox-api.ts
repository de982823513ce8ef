// bench:inbox's api: the real NestJS app (createApiApp, the production configuration apart
// from the database and the absent Temporal) in a process of its own, as in production, so the
// load generator in the bench process takes none of its CPU. Reports its port over IPC.
import type { AddressInfo } from 'node:net';
import { PayloadKeyRing } from '@jaarcyclus/config';
import { createApiApp } from '@jaarcyclus/api-app/app.factory';
import { ApiConfig } from '@jaarcyclus/api/config';

async function main(): Promise<void> {
  if (!process.send) throw new Error('inbox-api runs as a child process with an IPC channel');
  const config = ApiConfig.with({
    DATABASE_URL: process.env.BENCH_DATABASE_URL!,
    PUBLIC_URL: 'http://jaarcyclus.test',
    ...PayloadKeyRing.generate('bench').toEnv(),
  });
  const app = await createApiApp(config, { temporalClient: null, logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  process.send({ port: (app.getHttpServer().address() as AddressInfo).port });
  process.on('disconnect', () => {
    void app.close().then(() => process.exit(0));
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
