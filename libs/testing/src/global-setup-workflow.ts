// Jest runs global set-up outside its module registry, so moduleNameMapper does not apply here.
import 'tsconfig-paths/register';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflows } from '@jaarcyclus/temporal';

import { toolScripts } from './scripts';

/**
 * Workflow tier: installs the Temporal binaries (once) and bundles the workflow code once for all
 * test files. A broken bundle (e.g. a workflow importing a Node built-in) fails here.
 */
export default async function globalSetup(): Promise<void> {
  const tools = toolScripts.ensureTools(() => undefined);
  process.env.JAARCYCLUS_TEMPORAL_TEST_SERVER = tools.testServer;
  process.env.JAARCYCLUS_TEMPORAL_CLI = tools.temporal;
  const bundle = await bundleWorkflows();
  const file = path.join(os.tmpdir(), `jaarcyclus-workflows-${process.pid}.js`);
  fs.writeFileSync(file, bundle.code);
  process.env.JAARCYCLUS_WORKFLOW_BUNDLE = file;
}
