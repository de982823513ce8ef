import { randomUUID } from 'node:crypto';
import { PERSONAL_DATA_KEY_VARIABLES, PayloadKeyRing } from '@jaarcyclus/config';
import { DEFAULT_TRANSITION_CONFIG, openTransition } from '@jaarcyclus/domain';
import { DEMO_EMAILS, FieldCipher, TransitionRepository } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { startApi, type ApiHarness } from './testing/api-harness';

/**
 * The authorization matrix of the JSON api (issue #14): every route of the Nest router × every
 * role × own and other SWV, with the expected answer. The routes are read from the running
 * app's router, so a new route without an entry in MATRIX fails this test until someone decides
 * who may use it.
 *
 * - no session: 401 (unless the route is public);
 * - a role the route does not allow: 403;
 * - a role it allows, with the SWV's own ids: anything but 401/403 and never a 500 (a 400 for
 *   the empty body is fine, and 503 where the route needs Temporal, which this api runs without);
 * - a role it allows, with another SWV's ids: 404, as for an unknown id.
 */

/** Who asks: one person per role (of the SWV `stadsring`), an operator, and nobody. */
const WHO = [
  'anonymous',
  'admin',
  'secretariat',
  'director',
  'body_member',
  'school_contact',
  'ect_member',
  'parent',
  'operator',
  'platform_admin',
] as const;
type Who = (typeof WHO)[number];
/** Platform roles (person.platform_roles): no role in an SWV stands in for one. */
type PlatformRole = 'operator' | 'platform_admin';
type Role = Exclude<Who, 'anonymous' | PlatformRole>;
const PLATFORM: readonly Who[] = ['operator', 'platform_admin'];

const EVERYONE: Who[] = WHO.filter((w) => w !== 'anonymous');
const READ: Role[] = ['admin', 'secretariat', 'director'];
const WRITE: Role[] = ['admin'];
const FOLLOWERS: Role[] = [
  'admin',
  'secretariat',
  'director',
  'body_member',
  'school_contact',
  'ect_member',
];
const SCHOOL_READERS: Role[] = ['secretariat', 'director', 'admin', 'school_contact', 'ect_member'];
/** Joint visitation programmes: the office reads them, the secretariat (and admin) changes them. */
const OFFICE: Role[] = ['secretariat', 'director', 'admin'];
const EDITORS: Role[] = ['secretariat', 'admin'];
/** Schakeltrajecten: who sees the overview (no pupil data). */
const OVERVIEW: Role[] = ['secretariat', 'director', 'admin', 'ect_member'];

interface Entry {
  /** Who passes the route's checks; 'public' for a route without a session. */
  allow: Who[] | 'public';
  /** The route talks to Temporal: 503 is expected from this api without Temporal. */
  temporal?: boolean;
  /**
   * With another SWV's ids in the path, the answer for an allowed role: 404 (default when the
   * path has an id and the request has no body to validate first), or 'skip' where the empty
   * body is refused (400) before the record is looked up.
   */
  other?: 404 | 'skip';
  /** Do not send the allowed roles' request (it ends the session); the 401/403 checks still run. */
  denyOnly?: true;
  /**
   * By design the route answers 404 to these allowed roles even with the SWV's own ids: the
   * record is not theirs (a schakeltraject case is visible only to the people on it, not even
   * to the secretariat — README "Personal data at rest"; a visit only to its hosts and team;
   * a programme's schedule only to the office and accepted partner SWVs). 'all': every allowed
   * role. Stricter than the default (anything but 401/403/5xx): no allowed role may see more.
   */
  notTheirs?: Who[] | 'all';
}

const crud = (base: string, read: Role[] = READ, write: Role[] = WRITE): Record<string, Entry> => ({
  [`GET ${base}`]: { allow: read },
  [`GET ${base}/:id`]: { allow: read },
  [`POST ${base}`]: { allow: write },
  [`PATCH ${base}/:id`]: { allow: write },
  [`DELETE ${base}/:id`]: { allow: write },
});

const MATRIX: Record<string, Entry> = {
  'GET /health': { allow: 'public' },
  'POST /api/auth/login': { allow: 'public' },
  'POST /api/auth/logout': { allow: EVERYONE, denyOnly: true },
  'GET /api/me': { allow: EVERYONE },
  'GET /api/me/tasks': { allow: EVERYONE },
  'GET /api/mail-problems': { allow: READ },
  // The codec endpoint's CORS (preflights come without a session); the routes below check it.
  'ALL /api/temporal-codec/*path': { allow: 'public', denyOnly: true },
  'POST /api/temporal-codec/decode': { allow: ['operator'] },
  'POST /api/temporal-codec/encode': { allow: ['operator'] },
  'GET /api/organisation': { allow: READ },
  'PATCH /api/organisation': { allow: WRITE },
  ...crud('/api/boards'),
  ...crud('/api/schools'),
  ...crud('/api/persons'),
  ...crud('/api/bodies'),
  'GET /api/bodies/:id/members': { allow: READ },
  'POST /api/bodies/:id/members': { allow: WRITE, other: 'skip' },
  'DELETE /api/bodies/:id/members/:memberId': { allow: WRITE },
  'POST /api/documents': { allow: ['secretariat', 'admin'] },
  'GET /api/documents/:id': { allow: FOLLOWERS },
  'GET /api/accountability/formats': { allow: SCHOOL_READERS },
  'GET /api/accountability/formats/:version': { allow: SCHOOL_READERS },
  'POST /api/accountability/formats': { allow: ['admin', 'secretariat'] },
  'POST /api/accountability-cycles': { allow: ['secretariat'], temporal: true },
  'GET /api/accountability-cycles': { allow: READ },
  'GET /api/accountability-cycles/:year': { allow: READ },
  'GET /api/accountability-cycles/:year/overview.csv': { allow: READ },
  'GET /api/accountability-cycles/:year/schools': { allow: SCHOOL_READERS },
  'GET /api/accountability-cycles/:year/schools/:schoolId': { allow: SCHOOL_READERS },
  'PUT /api/accountability-cycles/:year/schools/:schoolId/draft': {
    allow: ['school_contact'],
    temporal: true,
    other: 'skip',
  },
  'POST /api/accountability-cycles/:year/schools/:schoolId/submissions': {
    allow: ['school_contact'],
    temporal: true,
    other: 'skip',
  },
  'POST /api/accountability-cycles/:year/schools/:schoolId/review': {
    allow: ['secretariat'],
    temporal: true,
    other: 'skip',
  },
  'POST /api/accountability-cycles/:year/schools/:schoolId/deadline': {
    allow: ['secretariat'],
    temporal: true,
    other: 'skip',
  },
  'POST /api/accountability-cycles/:year/schools/:schoolId/waive': {
    allow: ['secretariat'],
    temporal: true,
    other: 'skip',
  },
  'POST /api/budget-cycles/preview': { allow: ['secretariat'] },
  'POST /api/budget-cycles': { allow: ['secretariat'], temporal: true },
  'GET /api/budget-cycles': { allow: FOLLOWERS },
  'GET /api/budget-cycles/:year': { allow: FOLLOWERS, temporal: true },
  'GET /api/budget-cycles/:year/audit': { allow: READ, temporal: true },
  'POST /api/budget-cycles/:year/votes': { allow: ['body_member'], temporal: true },
  'POST /api/budget-cycles/:year/deadline': { allow: ['secretariat'], temporal: true },
  'POST /api/budget-cycles/:year/close': { allow: ['secretariat'], temporal: true },
  'POST /api/budget-cycles/:year/revisions': { allow: ['secretariat'], temporal: true },
  'POST /api/budget-cycles/:year/adoption': { allow: ['director'], temporal: true },
  'POST /api/budget-cycles/:year/reminders': { allow: ['secretariat'], temporal: true },

  // The support plan (ondersteuningsplan) per four-year period: as the budget cycle.
  'POST /api/support-plan-cycles/preview': { allow: ['secretariat'] },
  'POST /api/support-plan-cycles': { allow: ['secretariat'], temporal: true },
  'GET /api/support-plan-cycles': { allow: FOLLOWERS },
  'GET /api/support-plan-cycles/:period': { allow: FOLLOWERS, temporal: true },
  'POST /api/support-plan-cycles/:period/votes': { allow: ['body_member'], temporal: true },
  'POST /api/support-plan-cycles/:period/dispute': { allow: ['secretariat'], temporal: true },
  'POST /api/support-plan-cycles/:period/dispute/ruling': {
    allow: ['secretariat'],
    temporal: true,
  },
  'POST /api/support-plan-cycles/:period/revisions': { allow: ['secretariat'], temporal: true },
  'POST /api/support-plan-cycles/:period/adoption': { allow: ['director'], temporal: true },

  // The ECT's yearly evaluation: the office reads it, the ECT members fill it in per school.
  'POST /api/ect-evaluations/preview': { allow: ['secretariat'] },
  'POST /api/ect-evaluations': { allow: ['secretariat'], temporal: true },
  'GET /api/ect-evaluations': { allow: READ },
  'GET /api/ect-evaluations/:year': { allow: [...READ, 'ect_member'], temporal: true },
  'GET /api/ect-evaluations/:year/export.csv': { allow: READ, temporal: true },
  'GET /api/ect-evaluations/:year/schools/:schoolId': {
    allow: [...READ, 'ect_member'],
    temporal: true,
  },
  'POST /api/ect-evaluations/:year/schools/:schoolId': { allow: ['ect_member'], temporal: true },
  'POST /api/ect-evaluations/:year/close': { allow: ['secretariat'], temporal: true },

  // Joint visitation programmes, of the SWV itself.
  'POST /api/visitation-programmes': { allow: EDITORS },
  'GET /api/visitation-programmes': { allow: OFFICE },
  'GET /api/visitation-programmes/:id': { allow: OFFICE },
  'POST /api/visitation-programmes/:id/proposals': { allow: EDITORS },
  'POST /api/visitation-programmes/:id/locks': { allow: EDITORS },
  'DELETE /api/visitation-programmes/:id/locks': { allow: EDITORS },
  'POST /api/visitation-programmes/:id/swap': { allow: EDITORS },
  'POST /api/visitation-programmes/:id/move': { allow: EDITORS },
  'POST /api/visitation-programmes/:id/publish': { allow: EDITORS, temporal: true, other: 404 },
  'POST /api/visitation-programmes/:id/partners': { allow: EDITORS },
  'POST /api/visitation-programmes/:id/visitors': { allow: EDITORS },
  // No role needed to ask: the office, or people of an accepted partner SWV; others 404.
  'GET /api/visitation-programmes/:id/schedule': {
    allow: EVERYONE,
    notTheirs: EVERYONE.filter((w) => !OFFICE.includes(w as Role)),
  },
  'GET /api/visitation-programmes/:id/overview': { allow: OFFICE },
  'GET /api/visitation-programmes/:id/overview.csv': { allow: OFFICE },
  // A partner SWV's side of another SWV's programme: 404 without a link to this SWV.
  'GET /api/visitation-partnerships': { allow: EDITORS },
  'POST /api/visitation-partnerships/:programmeId/accept': {
    allow: EDITORS,
    other: 404,
    notTheirs: 'all',
  },
  'POST /api/visitation-partnerships/:programmeId/visitors': { allow: EDITORS },
  // A visit: everyone signed in may ask; only its hosts and team see it (else 404).
  'GET /api/visits/mine': { allow: EVERYONE },
  'GET /api/visits/:id': { allow: EVERYONE, notTheirs: 'all' },
  'POST /api/visits/:id/answer': { allow: EVERYONE, temporal: true },
  'POST /api/visits/:id/reports': { allow: EVERYONE, temporal: true },
  'POST /api/visits/:id/reschedule': { allow: EDITORS, temporal: true },
  'POST /api/visits/:id/cancel': { allow: EDITORS, temporal: true },
  'POST /api/visits/:id/remind': { allow: EDITORS, temporal: true },
  'POST /api/visits/:id/follow-ups': { allow: EVERYONE, temporal: true },
  'POST /api/visits/:id/follow-ups/:key/done': {
    allow: EVERYONE,
    temporal: true,
    other: 404,
    notTheirs: 'all',
  },
  'POST /api/visits/:id/follow-up-check': {
    allow: EDITORS,
    temporal: true,
    other: 404,
    notTheirs: 'all',
  },

  // Schakeltrajecten: pupil data, encrypted at rest; a case only for the people on it.
  'POST /api/transitions': { allow: ['school_contact', 'ect_member'], temporal: true },
  'GET /api/transitions': { allow: OVERVIEW, temporal: true },
  'GET /api/transitions/numbers/:year': { allow: OVERVIEW, temporal: true },
  // The SWV's schakeltraject settings under "Beheer": the office reads, administrators change.
  'GET /api/transitions/settings': { allow: READ },
  'PUT /api/transitions/settings': { allow: WRITE },
  // The case routes carry no role check: whoever is not on the case gets 404, whatever their
  // roles (the office included), so that no answer tells an outsider a case exists.
  'GET /api/transitions/:id': { allow: EVERYONE, temporal: true, notTheirs: 'all' },
  'POST /api/transitions/:id/steps': { allow: EVERYONE, temporal: true },
  'POST /api/transitions/:id/parent-view': { allow: EVERYONE, temporal: true },
  'GET /api/transitions/:id/export': { allow: EVERYONE, temporal: true, notTheirs: 'all' },
  'POST /api/transitions/:id/documents': { allow: EVERYONE, temporal: true },
  'GET /api/transitions/:id/documents/:documentId': {
    allow: EVERYONE,
    temporal: true,
    notTheirs: 'all',
  },
  // The FG's access log: the SWV's administrators only; everyone else gets 404 as well.
  'GET /api/transitions/:id/access-log': {
    allow: EVERYONE,
    temporal: true,
    notTheirs: EVERYONE.filter((w) => w !== 'admin'),
  },

  // The SWV's master data from a CSV file (boards, schools, persons): its administrators.
  'POST /api/import/:kind': { allow: WRITE },
  // Onboarding a new SWV: the platform role platform_admin only, whatever the SWV roles.
  'POST /api/platform/organisations': { allow: ['platform_admin'] },
};

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** `METHOD /path` of every JSON route (/api and /health) the app's Express router serves. */
function routesOf(api: ApiHarness): string[] {
  const express = api.app.getHttpAdapter().getInstance() as { router: { stack: RouteLayer[] } };
  const routes = new Set<string>();
  for (const layer of express.router.stack) {
    if (!layer.route) continue;
    const path = layer.route.path;
    if (!(path.startsWith('/api/') || path === '/health') || path.startsWith('/api/docs')) continue;
    const methods = Object.entries(layer.route.methods).filter(([, on]) => on);
    // A middleware for every method (app.all, e.g. the codec endpoint's CORS) is one entry.
    if (layer.route.methods._all || methods.length > 10) {
      routes.add(`ALL ${path}`);
      continue;
    }
    for (const [method] of methods) routes.add(`${method.toUpperCase()} ${path}`);
  }
  return [...routes].sort();
}

describe('authorization matrix: every route × every role × own/other SWV', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;
  const tokens = new Map<Who, string>();
  const own: Record<string, string> = {};
  const other: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    // With the personal data keys, so that schakeltrajecten answer (else 503 for all of them).
    const personalDataKeys = PayloadKeyRing.generate('matrix-pd');
    api = await startApi(db.url, smtp, {
      env: personalDataKeys.toEnvAs(PERSONAL_DATA_KEY_VARIABLES),
    });
    const q = async (sql: string, params: unknown[] = []) =>
      ((await api.ds.query(sql, params)) as { id: string }[])[0]!.id;
    const org = async (slug: string) => q(`SELECT id FROM organisation WHERE slug = $1`, [slug]);
    const ids = async (orgId: string): Promise<Record<string, string>> => ({
      id: await q(`SELECT id FROM school_board WHERE organisation_id = $1 LIMIT 1`, [orgId]),
      schoolId: await q(`SELECT id FROM school WHERE organisation_id = $1 LIMIT 1`, [orgId]),
      memberId: await q(
        `SELECT m.id FROM body_member m JOIN body b ON b.id = m.body_id WHERE b.organisation_id = $1 LIMIT 1`,
        [orgId],
      ),
    });
    const stadsring = await org('stadsring');
    const rijnoever = await org('rijnoever');
    Object.assign(own, await ids(stadsring));
    Object.assign(other, await ids(rijnoever));

    // One person per role, so each role is tried on its own; the platform roles on their own.
    const school = own.schoolId!;
    for (const who of WHO) {
      if (who === 'anonymous') continue;
      const platform = PLATFORM.includes(who);
      const email = `matrix-${who.replace('_', '-')}@stadsring.example`;
      await api.ds.query(
        `INSERT INTO person (organisation_id, email, name, roles, platform_roles, school_id)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          stadsring,
          email,
          `Matrix ${who}`,
          platform ? [] : [who],
          platform ? [who] : [],
          who === 'school_contact' ? school : null,
        ],
      );
      tokens.set(who, await api.signIn(email));
    }

    // A draft visitation programme in each SWV (no Temporal needed until it is published).
    const programme = async (token: string, ids: Record<string, string>) => {
      const contact = await q(
        `SELECT p.id FROM person p JOIN school s ON s.organisation_id = p.organisation_id
          WHERE s.id = $1 ORDER BY p.email LIMIT 1`,
        [ids.schoolId],
      );
      const res = await api
        .http()
        .post('/api/visitation-programmes')
        .set('Authorization', `Bearer ${token}`)
        .send({
          title: 'Matrix',
          schoolYear: '2026-2027',
          kind: 'collegiale-visitatie',
          teamSize: 2,
          maxVisitsPerVisitor: 2,
          windows: [{ start: '2026-10-01', end: '2027-03-31' }],
          hosts: [{ kind: 'school', schoolId: ids.schoolId, contactPersonIds: [contact] }],
          visitors: [],
        });
      if (res.status !== 201)
        throw new Error(`programme: ${res.status} ${JSON.stringify(res.body)}`);
      return (res.body as { id: string }).id;
    };
    own.programmeId = await programme(tokens.get('admin')!, own);
    const rijnoeverToken = await api.signIn(DEMO_EMAILS.rijnoever.secretariat);
    other.programmeId = await programme(rijnoeverToken, other);

    // A schakeltraject in each SWV, with none of the matrix's people on it (its workflow needs
    // Temporal, which this api runs without: the case's rows are enough to be read or refused).
    const transitionCase = async (organisationId: string, vsoSchoolId: string) => {
      const id = randomUUID();
      await new TransitionRepository(api.ds, new FieldCipher(personalDataKeys)).create({
        id,
        organisationId,
        workflowId: `transition:${organisationId}:${id}`,
        vsoSchoolId,
        pupil: { name: 'Matrix Leerling', birthDate: '2012-05-14' },
        parentPersonIds: [],
        ectPersonIds: [],
        state: openTransition(vsoSchoolId, '2027-03-01'),
        config: DEFAULT_TRANSITION_CONFIG,
        createdByPersonId: null,
      });
      return id;
    };
    // Not at the matrix school contact's school: a vso school's contacts are on its cases.
    const otherSchool = await q(
      `SELECT id FROM school WHERE organisation_id = $1 AND id <> $2 ORDER BY name LIMIT 1`,
      [stadsring, own.schoolId],
    );
    own.transitionId = await transitionCase(stadsring, otherSchool);
    // And one at that school: its contact is on the case (the counter-check of notTheirs).
    own.contactsCaseId = await transitionCase(stadsring, own.schoolId!);
    other.transitionId = await transitionCase(rijnoever, other.schoolId!);
  }, 120_000);

  afterAll(async () => {
    await api.close();
    await smtp.stop();
    await db.drop();
  }, 60_000);

  it('has an entry for every route the router serves, and no entry for a route that is gone', () => {
    const routes = routesOf(api);
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((r) => !(r in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !routes.includes(r))).toEqual([]);
  });

  const UNKNOWN = 'ffffffff-ffff-4fff-8fff-ffffffffffff';

  /**
   * The path with its parameters filled in: ids of `ids` (`:id` of a programme under
   * /api/visitation-programmes, of a case under /api/transitions; visits need Temporal to
   * exist, so their `:id` is unknown in both SWVs), the year 2026, the plan period 2027-2031,
   * format version 1, the import kind boards.
   */
  function fill(path: string, ids: Record<string, string>, method: string): string {
    return path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
      if (name === 'year') return '2026';
      if (name === 'version') return '1';
      if (name === 'period') return '2027-2031';
      if (name === 'kind') return 'boards';
      if (name === 'key') return 'matrix-follow-up';
      if (name === 'id' && path.startsWith('/api/visitation-programmes/'))
        return method === 'DELETE' && ids === own ? UNKNOWN : ids.programmeId!;
      if (name === 'id' && path.startsWith('/api/transitions/')) return ids.transitionId!;
      if (name === 'id' && path.startsWith('/api/visits/')) return UNKNOWN;
      // Never delete the SWV's own records: an unknown id answers as far as the checks go.
      if (method === 'DELETE' && ids === own) return UNKNOWN;
      return ids[name] ?? UNKNOWN;
    });
  }

  async function call(method: string, path: string, who: Who): Promise<number> {
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const req = api.http()[verb](path);
    if (who !== 'anonymous') req.set('Authorization', `Bearer ${tokens.get(who)}`);
    if (method !== 'GET' && method !== 'DELETE') req.send({});
    return (await req).status;
  }

  it('shows a schakeltraject to the people on it only: 404 to the office and to another SWV', async () => {
    const get = (who: Who, id: string) => call('GET', `/api/transitions/${id}`, who);
    expect(await get('school_contact', own.contactsCaseId!)).toBe(200);
    expect(await get('ect_member', own.contactsCaseId!)).toBe(404);
    expect(await get('parent', own.contactsCaseId!)).toBe(404);
    expect(await get('secretariat', own.contactsCaseId!)).toBe(404);
    expect(await get('admin', own.contactsCaseId!)).toBe(404);
    expect(await get('school_contact', other.transitionId!)).toBe(404);
  });

  it('answers each route and role as the matrix says, with own and with another SWV’s ids', async () => {
    const wrong: string[] = [];
    for (const [route, entry] of Object.entries(MATRIX)) {
      const [method, path] = route.split(' ') as [string, string];
      for (const who of WHO) {
        const allowed = entry.allow === 'public' || entry.allow.includes(who);
        if (allowed && entry.denyOnly) continue;
        const status = await call(method, fill(path, own, method), who);
        const notTheirs =
          allowed && (entry.notTheirs === 'all' || (entry.notTheirs ?? []).includes(who));
        const ok = !allowed
          ? status === (who === 'anonymous' ? 401 : 403)
          : notTheirs
            ? status === 404 || (entry.temporal === true && status === 503)
            : status !== 401 &&
              status !== 403 &&
              (status < 500 || (entry.temporal === true && status === 503));
        if (!ok) wrong.push(`${route} as ${who} (own): ${status}`);

        const hasId = /:(id|schoolId|memberId|programmeId)\b/.test(path);
        const bodyFirst = method === 'POST' || method === 'PUT';
        if (!allowed || !hasId || entry.other === 'skip' || (bodyFirst && !entry.other)) continue;
        const otherStatus = await call(method, fill(path, other, method), who);
        if (otherStatus !== 404) wrong.push(`${route} as ${who} (other SWV): ${otherStatus}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 180_000);
});
