import { Client, Connection, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { PERSONAL_DATA_KEY_VARIABLES, PayloadKeyRing } from '@jaarcyclus/config';
import { DEFAULT_TRANSITION_CONFIG } from '@jaarcyclus/domain';
import {
  createDataSource,
  DEMO_EMAILS,
  DEMO_SLUGS,
  seedDemoData,
  seedSourceSwvs,
  SOURCE_SWVS,
  seedVisitationDemo,
  type DemoTransition,
} from '@jaarcyclus/persistence';
import { dataConverter } from '@jaarcyclus/temporal';
import { TASK_QUEUES } from '@jaarcyclus/workflows';

/**
 * Migrates, then loads the demo SWVs into an empty database (does nothing when any organisation
 * exists), and the four SWVs of the source documents into a demo database (source-swvs.ts).
 * With the personal data keys configured (PERSONAL_DATA_KEYS(_FILE), as `npm start`
 * does), Stadsring also gets one open schakeltraject, whose workflow is started here.
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error('DATABASE_URL is required, e.g. postgres://postgres@127.0.0.1:5432/jaarcyclus');
  const keys = [PERSONAL_DATA_KEY_VARIABLES.keys, PERSONAL_DATA_KEY_VARIABLES.keysFile].some((v) =>
    process.env[v]?.trim(),
  )
    ? PayloadKeyRing.fromEnv(process.env, PERSONAL_DATA_KEY_VARIABLES)
    : null;
  const ds = await createDataSource(url).initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    if (applied.length) console.log(`[seed] applied ${applied.map((m) => m.name).join(', ')}`);
    const { created, transition } = await seedDemoData(ds, keys ? { personalDataKeys: keys } : {});
    console.log(
      created
        ? `[seed] demo data seeded: Stadsring and Rijnoever; sign in as ${DEMO_EMAILS.stadsring.secretariat}`
        : '[seed] organisations already present — demo data not seeded',
    );
    if (transition) await startDemoTransition(transition);
    // The four SWVs of the source documents join a demo database (one that has Stadsring),
    // also one seeded before they existed; a real installation never gets them.
    const [demo] = (await ds.query(`SELECT 1 FROM organisation WHERE slug = $1`, [
      DEMO_SLUGS.stadsring,
    ])) as unknown[];
    if (demo && (await seedSourceSwvs(ds)).created) {
      console.log(
        `[seed] the source SWVs seeded: ${SOURCE_SWVS.map((s) => s.slug).join(', ')}; sign in as secretariaat@<slug>.example`,
      );
    }
    // Its own module and its own check, so an existing demo database gets it too.
    const visitation = await seedVisitationDemo(ds);
    if (visitation.created) console.log('[seed] demo visitation programme for Stadsring (draft)');
  } finally {
    await ds.destroy();
  }
}

/** Starts the demo case's workflow (ids only; the pupil stays in PostgreSQL). */
async function startDemoTransition(t: DemoTransition): Promise<void> {
  const connection = await Connection.connect({
    address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
  });
  try {
    const client = new Client({
      connection,
      namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
      dataConverter: dataConverter(PayloadKeyRing.fromEnv(process.env)),
    });
    await client.workflow.start('transitionCaseWorkflow', {
      taskQueue: TASK_QUEUES.cycles,
      workflowId: t.workflowId,
      args: [
        {
          organisationId: t.organisationId,
          caseId: t.caseId,
          vsoSchoolId: t.vsoSchoolId,
          region: 'noord',
          config: DEFAULT_TRANSITION_CONFIG,
          openedByPersonId: t.openedByPersonId,
        },
      ],
    });
    console.log('[seed] demo schakeltraject started (VSO De Klimop)');
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  } finally {
    await connection.close();
  }
}

main().catch((err: unknown) => {
  console.error(`[seed] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
