import 'tsconfig-paths/register';
import { postgresScripts as pg } from './scripts';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __jaarcyclusPg?: { url: string; stop: () => Promise<void> } })
    .__jaarcyclusPg;
  const template = process.env.JAARCYCLUS_TEST_TEMPLATE;
  if (server && template) await pg.dropDatabase(server.url, template).catch(() => undefined);
  await server?.stop();
}
