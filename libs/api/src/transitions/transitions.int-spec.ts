import { PERSONAL_DATA_KEY_VARIABLES, PayloadKeyRing } from '@jaarcyclus/config';
import {
  DEMO_EMAILS,
  DEMO_PARENT_EMAIL,
  createDataSource,
  seedDemoData,
} from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { startApi, type ApiHarness } from '@jaarcyclus/api-app/testing/api-harness';

const VSO_CONTACT = 'zorg@vso-deklimop.example';

/** Need to know on /api/transitions and /app/transitions: everyone not on a case gets 404. */
describe('transitions api: need to know', () => {
  const ring = PayloadKeyRing.generate('pd');
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;
  let caseId: string;
  const tokens = new Map<string, string>();
  const as = async (email: string): Promise<string> => {
    if (!tokens.has(email)) tokens.set(email, await api.signIn(email));
    return tokens.get(email)!;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const ds = await createDataSource(db.url, { logging: false }).initialize();
    const { transition } = await seedDemoData(ds, { personalDataKeys: ring });
    await ds.destroy();
    caseId = transition!.caseId;
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp, {
      seed: false,
      env: ring.toEnvAs(PERSONAL_DATA_KEY_VARIABLES),
    });
  });

  afterAll(async () => {
    await api?.close();
    await smtp?.stop();
    await db?.drop();
  });

  it('opens the case for the vso school and the parent', async () => {
    for (const email of [VSO_CONTACT, DEMO_PARENT_EMAIL]) {
      await api
        .http()
        .get(`/api/transitions/${caseId}`)
        .set('Authorization', `Bearer ${await as(email)}`)
        .expect(200);
    }
  });

  it.each([
    ['the secretariat of another SWV', DEMO_EMAILS.rijnoever.secretariat],
    ['the director of another SWV', DEMO_EMAILS.rijnoever.director],
    ['the own secretariat', DEMO_EMAILS.stadsring.secretariat],
    ['a board member', DEMO_EMAILS.stadsring.alvMember],
    ['the contact of a school not on the case', DEMO_EMAILS.stadsring.schoolContact],
  ])('answers 404, never 403, to %s on every case route', async (_who, email) => {
    const auth = `Bearer ${await as(email)}`;
    const base = `/api/transitions/${caseId}`;
    const app = `/app/transitions/${caseId}`;
    const gets = [base, `${base}/export`, app, `${app}/export`];
    if (email !== DEMO_EMAILS.stadsring.secretariat) gets.push(`${base}/access-log`);
    for (const path of gets) {
      const res = await api.http().get(path).set('Authorization', auth);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    const posts: [string, object][] = [
      [`${base}/steps`, { kind: 'completeResearch' }],
      [`${base}/parent-view`, { view: 'Wij willen graag dat het lukt.' }],
    ];
    for (const [path, body] of posts) {
      const res = await api.http().post(path).set('Authorization', auth).send(body);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
  });

  it('keeps the overview and the numbers for the office of its own SWV', async () => {
    const own = await api
      .http()
      .get('/api/transitions')
      .set('Authorization', `Bearer ${await as(DEMO_EMAILS.stadsring.secretariat)}`)
      .expect(200);
    expect((own.body as { id: string }[]).map((c) => c.id)).toEqual([caseId]);
    const other = await api
      .http()
      .get('/api/transitions')
      .set('Authorization', `Bearer ${await as(DEMO_EMAILS.rijnoever.secretariat)}`)
      .expect(200);
    expect(other.body).toEqual([]);
    await api
      .http()
      .get('/api/transitions/numbers/2027')
      .set('Authorization', `Bearer ${await as(DEMO_EMAILS.rijnoever.secretariat)}`)
      .expect(200);
    // The SWV's administrators read the access log for the FG.
    await api
      .http()
      .get(`/api/transitions/${caseId}/access-log`)
      .set('Authorization', `Bearer ${await as(DEMO_EMAILS.stadsring.secretariat)}`)
      .expect(200);
  });
});
