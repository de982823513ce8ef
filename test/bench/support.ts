import globalSetupE2e from '@jaarcyclus/testing/global-setup-e2e';

/** Percentile by nearest rank over sorted samples (ms). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summary(samples: number[]): { n: number; p50: number; p95: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    n: sorted.length,
    p50: r(percentile(sorted, 50)),
    p95: r(percentile(sorted, 95)),
    p99: r(percentile(sorted, 99)),
  };
}

/** Runs `fn` over `items` with at most `concurrency` at once. */
export async function pool<T>(
  items: T[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item);
    }),
  );
}

/** The same real services the e2e tier uses (PostgreSQL template, Temporal binaries, bundle). */
export async function prepareServices(): Promise<void> {
  await globalSetupE2e();
}

export function machine(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const os = require('node:os') as typeof import('node:os');
  return `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** What the benches' seeding needs of a TypeORM transaction. */
interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * One board of a synthetic SWV with `count` regular schools, each with one active school
 * contact (`contact-<school id>@<slug>.bench.example`). Returns the schools' ids.
 */
export async function insertSchoolsWithContacts(
  tx: Queryable,
  organisationId: string,
  slug: string,
  count: number,
): Promise<string[]> {
  const [board] = (await tx.query(
    `INSERT INTO school_board (organisation_id, name, pupil_count) VALUES ($1, 'Benchmarkbestuur', 1000) RETURNING id`,
    [organisationId],
  )) as { id: string }[];
  const rows = (await tx.query(
    `INSERT INTO school (organisation_id, board_id, name, kind)
     SELECT $1, $2, 'School ' || lpad(i::text, 5, '0'), 'regular' FROM generate_series(1, $3::int) AS i
     RETURNING id`,
    [organisationId, board!.id, count],
  )) as { id: string }[];
  await tx.query(
    `INSERT INTO person (organisation_id, email, name, roles, school_id)
     SELECT s.organisation_id, 'contact-' || s.id || '@' || $2 || '.bench.example', 'Contact ' || s.name, ARRAY['school_contact'], s.id
       FROM school s WHERE s.organisation_id = $1`,
    [organisationId, slug],
  );
  return rows.map((r) => r.id);
}
