import fs from 'node:fs';
import type { DataConverter } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, DefaultLogger } from '@temporalio/worker';

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} not set: run through the workflow, integration or e2e jest project`);
  return value;
}

let runtimeInstalled = false;
/** Keep test output readable: only warnings and errors from the SDK. */
export function quietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('WARN') });
}

export interface TestEnvOptions {
  /**
   * The data converter of `env.client` (e.g. @jaarcyclus/temporal's `dataConverter(keyRing)`,
   * as the api and the worker use); workers created in the test pass the same one.
   */
  dataConverter?: DataConverter;
}

/** Temporal's time-skipping test server (from the pinned PyPI wheel). */
export async function createTimeSkippingEnv(
  opts: TestEnvOptions = {},
): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  return TestWorkflowEnvironment.createTimeSkipping({
    server: {
      executable: { type: 'existing-path', path: required('JAARCYCLUS_TEMPORAL_TEST_SERVER') },
    },
    ...(opts.dataConverter ? { client: { dataConverter: opts.dataConverter } } : {}),
  });
}

/** The real Temporal CLI dev server (`temporal server start-dev`), in memory. */
export async function createDevServerEnv(
  opts: TestEnvOptions = {},
): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: required('JAARCYCLUS_TEMPORAL_CLI') },
      ui: false,
    },
    ...(opts.dataConverter ? { client: { dataConverter: opts.dataConverter } } : {}),
  });
}

/** The workflow bundle built once by the tier's global setup. */
export function workflowBundle(): { code: string } {
  return { code: fs.readFileSync(required('JAARCYCLUS_WORKFLOW_BUNDLE'), 'utf8') };
}
