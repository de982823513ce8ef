// Jest runs global set-up outside its module registry, so moduleNameMapper does not apply here.
import 'tsconfig-paths/register';
import globalSetupDb from './global-setup-db';
import globalSetupWorkflow from './global-setup-workflow';

/** End-to-end tier: the database template plus the Temporal binaries and the workflow bundle. */
export default async function globalSetup(): Promise<void> {
  await globalSetupDb();
  await globalSetupWorkflow();
}
