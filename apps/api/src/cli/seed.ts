import {
  createDataSource,
  DEMO_EMAILS,
  DEMO_SLUGS,
  seedDemoData,
  seedSourceSwvs,
  SOURCE_SWVS,
  seedVisitationDemo,
} from '@jaarcyclus/persistence';

/**
 * Migrates, then loads the demo SWVs into an empty database (does nothing when any organisation
 * exists), and the four SWVs of the source documents into a demo database (source-swvs.ts).
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error('DATABASE_URL is required, e.g. postgres://postgres@127.0.0.1:5432/jaarcyclus');
  const ds = await createDataSource(url).initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    if (applied.length) console.log(`[seed] applied ${applied.map((m) => m.name).join(', ')}`);
    const { created } = await seedDemoData(ds);
    console.log(
      created
        ? `[seed] demo data seeded: Stadsring and Rijnoever; sign in as ${DEMO_EMAILS.stadsring.secretariat}`
        : '[seed] organisations already present — demo data not seeded',
    );
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

main().catch((err: unknown) => {
  console.error(`[seed] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
