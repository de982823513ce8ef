import path from 'node:path';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

/** Repository root, whether running from source (libs/temporal/src) or from dist/. */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (path.basename(dir) === 'libs') return path.dirname(dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot locate the repository root from ${__dirname}`);
    dir = parent;
  }
}

/** Workflow entry point: always the TypeScript source, which the Temporal bundler compiles. */
export function workflowsEntry(): string {
  return path.join(repoRoot(), 'libs', 'workflows', 'src', 'index.ts');
}

/**
 * The bundler (webpack inside bundleWorkflowCode) does not read tsconfig path aliases, so the
 * aliases the workflow code may use are given here. Only the domain library and the text
 * catalogue it renders its messages with are allowed: workflow code must stay deterministic.
 */
export function workflowAliases(): Record<string, string> {
  const root = repoRoot();
  return {
    '@jaarcyclus/domain': path.join(root, 'libs', 'domain', 'src'),
    '@jaarcyclus/i18n': path.join(root, 'libs', 'i18n', 'src'),
    '@jaarcyclus/workflows': path.join(root, 'libs', 'workflows', 'src'),
  };
}

/**
 * The failure converter inside the workflow sandbox: the TypeScript source, like the workflows
 * (the Clients and Workers load the same module by FAILURE_CONVERTER_PATH).
 */
export function failureConverterEntry(): string {
  return path.join(repoRoot(), 'libs', 'temporal', 'src', 'failure-converter.ts');
}

/**
 * The workflow code with the failure converter that encodes failure messages (so that the
 * payload codec encrypts them); every Worker loads this bundle.
 */
export async function bundleWorkflows(
  opts: {
    /**
     * With the OpenTelemetry workflow interceptors (libs/temporal tracing.ts), for a worker
     * whose traces are on. The default bundle has none: what replays today stays as it is.
     */
    tracing?: boolean;
  } = {},
): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: workflowsEntry(),
    ...(opts.tracing
      ? {
          workflowInterceptorModules: [
            require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors'),
          ],
        }
      : {}),
    failureConverterPath: failureConverterEntry(),
    webpackConfigHook: (config) => ({
      ...config,
      resolve: {
        ...config.resolve,
        alias: {
          ...(config.resolve?.alias as Record<string, string> | undefined),
          ...workflowAliases(),
        },
      },
    }),
    logger: {
      trace: () => undefined,
      debug: () => undefined,
      info: () => undefined,
      warn: console.warn,
      error: console.error,
      log: () => undefined,
    },
  });
}
