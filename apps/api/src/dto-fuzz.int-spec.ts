import { TRANSITION_DECISIONS, TRANSITION_END_REASONS } from '@jaarcyclus/domain';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { startApi, type ApiHarness } from './testing/api-harness';

/**
 * A fuzzer over every JSON request body of the api (issue #14): the bodies are read from the
 * OpenAPI document the app itself generates from its DTOs, so a new DTO is fuzzed without an
 * entry here. Each property in turn gets a value of every wrong type, a huge string, text with
 * unusual unicode (NUL, right-to-left marks, emoji, lone surrogates), or is left out when it is
 * required; an unknown field is added; the body is an array, a string or null; and a seeded
 * random mix of these. The contract:
 *
 * - a body that is certainly malformed answers 400 or 422, naming the field in the answer;
 * - no body, malformed or not, answers 5xx (503 where the route needs Temporal, which this api
 *   runs without, only once the body was valid);
 * - a refused body writes nothing: the database's content is the same before and after.
 */

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  nullable?: boolean;
  maxLength?: number;
  pattern?: string;
  example?: unknown;
}

interface Operation {
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

interface Case {
  label: string;
  body: unknown;
  /** Certainly malformed: must be 400/422 and name `field` (when given). */
  malformed: boolean;
  field?: string;
}

/** A small seeded PRNG (mulberry32): the same seed, the same cases. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
/** Beyond every field's maximum, within the body size limit (a larger body is a 413). */
const HUGE = 'x'.repeat(20_000);
const UNICODE = ['\u0000', '\u202e\u202dabc', '😀👩‍👩‍👧', '\ud800', 'ǅ\u0301\u0308', '‮<script>'];

/** Values of every JSON type, each wrong for a property unless its schema allows that type. */
const WRONG: Record<string, unknown[]> = {
  string: ['tekst', ''],
  integer: [42, -1],
  number: [1.5],
  boolean: [true],
  array: [[], [1, 'a', null]],
  object: [{}, { a: { b: 1 } }],
  null: [null],
};

function resolve(schema: Schema | undefined, components: Record<string, Schema>): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(components[schema.$ref.split('/').at(-1)!], components);
  if (schema.allOf?.length === 1) return resolve(schema.allOf[0], components);
  return schema;
}

/** Whether `value` could be valid for `schema` (JSON type only). */
function typeFits(value: unknown, schema: Schema): boolean {
  if (value === null) return schema.nullable === true;
  if (schema.oneOf || !schema.type) return true;
  if (Array.isArray(value)) return schema.type === 'array';
  if (typeof value === 'object') return schema.type === 'object';
  if (typeof value === 'string') return schema.type === 'string';
  if (typeof value === 'boolean') return schema.type === 'boolean';
  if (typeof value === 'number')
    return schema.type === 'number' || (schema.type === 'integer' && Number.isInteger(value));
  return false;
}

/** A plausible value for a property (only to fill the other fields of a body). */
function plausible(schema: Schema, components: Record<string, Schema>, depth = 0): unknown {
  const s = resolve(schema, components);
  // The DTO's own example is valid (e.g. a school year 2026-2027, a team size within bounds).
  if (s.example !== undefined) return s.example;
  if (s.enum?.length) return s.enum[0];
  switch (s.type) {
    case 'string':
      return s.format === 'uuid'
        ? 'ffffffff-ffff-4fff-8fff-ffffffffffff'
        : s.format === 'date-time'
          ? '2027-01-15T17:00:00+01:00'
          : 'Fuzz';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
    default:
      if (!s.properties || depth > 3) return {};
      return Object.fromEntries(
        Object.entries(s.properties).map(([k, v]) => [k, plausible(v, components, depth + 1)]),
      );
  }
}

/** A valid base body per fuzzed field, where the schema alone cannot give one. */
type BaseFor = (field: string | undefined) => Record<string, unknown>;

const DAY = '2027-03-01';
const UUID = 'ffffffff-ffff-4fff-8fff-ffffffffffff';
/**
 * A step on a schakeltraject is a discriminated body: each field is validated only for the
 * `kind` that records it. The base for a field is a valid step of that field's kind (so the
 * fuzzed field is the one wrong thing); for `kind`, `note` and an unknown field, chooseSchool.
 */
const STEP_OF_KIND: Record<string, Record<string, unknown>> = {
  chooseSchool: { kind: 'chooseSchool', schoolId: UUID, priorConsultationOn: DAY },
  recordConsent: { kind: 'recordConsent', schoolId: UUID },
  completeOrientation: { kind: 'completeOrientation', parentsMetOn: DAY },
  recordConsultation: { kind: 'recordConsultation', meetingOn: DAY, researchDueOn: DAY },
  decide: { kind: 'decide', decision: TRANSITION_DECISIONS[0] },
  recordHandover: { kind: 'recordHandover', startOn: DAY },
  recordEvaluation: { kind: 'recordEvaluation', heldOn: DAY },
  close: { kind: 'close', result: 'succeeded' },
  end: { kind: 'end', reason: TRANSITION_END_REASONS[0] },
};
const stepBase: BaseFor = (field) => {
  const step = Object.values(STEP_OF_KIND).find(
    (body) => field !== undefined && field !== 'kind' && field in body,
  );
  return { ...(step ?? STEP_OF_KIND.chooseSchool!) };
};
const BASES: Record<string, BaseFor> = {
  'post /api/transitions/{id}/steps': stepBase,
};

/** Valid path values per parameter name, so that an error can only be about the body. */
const PATH_VALUES: Record<string, string> = {
  year: '2026',
  version: '1',
  period: '2027-2031',
  key: 'fuzz-follow-up',
  kind: 'boards',
};

function casesFor(
  schema: Schema,
  components: Record<string, Schema>,
  rnd: () => number,
  codec: boolean,
  baseFor?: BaseFor,
): Case[] {
  const s = resolve(schema, components);
  const plain = (plausible(s, components) ?? {}) as Record<string, unknown>;
  const base = baseFor?.(undefined) ?? plain;
  const props = Object.entries(s.properties ?? {});
  const required = new Set(s.required ?? []);
  const cases: Case[] = [
    { label: 'an array', body: [base], malformed: true },
    { label: 'a string', body: 'not an object', malformed: true },
    {
      label: 'an unknown field',
      body: { ...base, zzUnknown: 1 },
      // Temporal's codec protocol owns that body (the UI and CLI may add fields): ignored there.
      malformed: !codec,
      field: 'zzUnknown',
    },
  ];
  for (const [name, raw] of props) {
    const p = resolve(raw, components);
    const base = baseFor?.(name) ?? plain;
    for (const values of Object.values(WRONG)) {
      for (const value of values) {
        if (typeFits(value, p)) continue;
        // class-validator's @IsOptional takes null as left out, which OpenAPI does not say.
        if (value === null && !required.has(name)) continue;
        cases.push({
          label: `${name} = ${JSON.stringify(value)}`,
          body: { ...base, [name]: value },
          malformed: true,
          field: name,
        });
      }
    }
    if (required.has(name)) {
      const { [name]: _left, ...rest } = base;
      cases.push({ label: `${name} left out`, body: rest, malformed: true, field: name });
    }
    if (p.type === 'string') {
      const bounded =
        p.maxLength !== undefined ||
        p.format !== undefined ||
        p.enum !== undefined ||
        p.pattern !== undefined;
      cases.push({
        label: `${name} huge`,
        body: { ...base, [name]: HUGE },
        malformed: bounded,
        field: name,
      });
      for (const u of UNICODE) {
        cases.push({
          label: `${name} = ${JSON.stringify(u)}`,
          body: { ...base, [name]: u },
          // None of these is an e-mail address (a lone surrogate once made @IsEmail throw: 500).
          malformed: p.format === 'email',
          field: name,
        });
      }
    }
  }
  // A seeded random mix: several properties wrong at once.
  for (let i = 0; i < 5 && props.length > 0; i += 1) {
    const body: Record<string, unknown> = { ...base };
    for (const [name, raw] of props) {
      if (rnd() < 0.5) continue;
      const kinds = Object.values(WRONG)
        .flat()
        .filter((v) => !typeFits(v, resolve(raw, components)));
      body[name] = kinds[Math.floor(rnd() * kinds.length)];
    }
    cases.push({ label: `mix ${i}`, body, malformed: false });
  }
  return cases;
}

describe('DTO fuzzer: every JSON request body, malformed', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;
  let token: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp);
    const one = async (sql: string) => ((await api.ds.query(sql)) as { id: string }[])[0]!.id;
    const org = await one(`SELECT id FROM organisation WHERE slug = 'stadsring'`);
    ids.id = await one(`SELECT id FROM school_board WHERE organisation_id = '${org}' LIMIT 1`);
    ids.schoolId = await one(`SELECT id FROM school WHERE organisation_id = '${org}' LIMIT 1`);
    // Every role (a parent's too: the parents' view) and both platform roles, so every route's
    // body is validated (not refused by role).
    await api.ds.query(
      `INSERT INTO person (organisation_id, email, name, roles, platform_roles, school_id)
       VALUES ($1, 'fuzz@stadsring.example', 'Fuzz', $2, '{operator,platform_admin}', $3)`,
      [
        org,
        [
          'admin',
          'secretariat',
          'director',
          'body_member',
          'school_contact',
          'ect_member',
          'parent',
        ],
        ids.schoolId,
      ],
    );
    token = await api.signIn('fuzz@stadsring.example');
  }, 60_000);

  afterAll(async () => {
    await api.close();
    await smtp.stop();
    await db.drop();
  }, 60_000);

  /** A digest of every table's content but the sign-in bookkeeping: equal means nothing was written. */
  async function contentDigest(): Promise<string> {
    const tables = (await api.ds.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public'
         AND tablename NOT IN ('session', 'login_token', 'outbox_message', 'migrations')`,
    )) as { tablename: string }[];
    const parts: string[] = [];
    for (const { tablename } of tables) {
      const [row] = (await api.ds.query(
        `SELECT count(*)::int AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS h FROM "${tablename}" t`,
      )) as { n: number; h: string }[];
      parts.push(`${tablename}:${row!.n}:${row!.h}`);
    }
    return parts.join(';');
  }

  function send(method: string, path: string, body: unknown) {
    const verb = method as 'post' | 'put' | 'patch';
    const req = api.http()[verb](path);
    return req
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(body));
  }

  it('answers every malformed body 400/422 naming the field, never 5xx, and writes nothing for it', async () => {
    const doc = (await api.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, Schema> };
    };
    const rnd = random(SEED);
    const wrong: string[] = [];
    let malformedSent = 0;
    let otherSent = 0;
    const routes: string[] = [];
    const before = await contentDigest();
    const maybeValid: { method: string; path: string; c: Case }[] = [];

    for (const [rawPath, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const schema = op.requestBody?.content?.['application/json']?.schema;
        if (!schema) continue;
        // Logging out would end the fuzzer's session; sign-in requests are rate limited per address.
        if (rawPath === '/api/auth/logout') continue;
        routes.push(`${method.toUpperCase()} ${rawPath}`);
        const path = rawPath.replace(
          /\{(\w+)\}/g,
          (_m, name: string) => PATH_VALUES[name] ?? ids[name] ?? ids.id!,
        );
        for (const c of casesFor(
          schema,
          doc.components.schemas,
          rnd,
          rawPath.startsWith('/api/temporal-codec'),
          BASES[`${method} ${rawPath}`],
        )) {
          if (!c.malformed) {
            maybeValid.push({ method, path, c });
            continue;
          }
          malformedSent += 1;
          const res = await send(method, path, c.body);
          const where = `${method.toUpperCase()} ${rawPath} with ${c.label}`;
          // A year's cycle checks a body against its own format, so without a cycle (none runs
          // in this database) the route answers 404 before it can read the body.
          const refused =
            res.status === 400 ||
            res.status === 422 ||
            res.status === 413 ||
            (res.status === 404 && rawPath.includes('{year}/schools'));
          if (!refused) {
            wrong.push(`${where}: ${res.status}`);
          } else if (res.status === 400 && c.field && !JSON.stringify(res.body).includes(c.field)) {
            wrong.push(
              `${where}: the answer does not name ${c.field}: ${JSON.stringify(res.body)}`,
            );
          }
        }
      }
    }
    const after = await contentDigest();

    for (const { method, path, c } of maybeValid) {
      otherSent += 1;
      const res = await send(method, path, c.body);
      const temporal = res.status === 503;
      if (res.status >= 500 && !temporal)
        wrong.push(
          `${method.toUpperCase()} ${path} with ${c.label}: ${res.status} ${JSON.stringify(c.body).slice(0, 200)}`,
        );
    }

    console.info(
      `DTO fuzzer (seed ${SEED}): ${routes.length} routes, ${malformedSent} malformed and ${otherSent} odd bodies`,
    );
    expect(routes.length).toBeGreaterThan(15);
    expect(wrong).toEqual([]);
    expect(after).toBe(before);
  }, 300_000);
});
