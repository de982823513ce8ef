import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { PayloadKeyRing } from '@jaarcyclus/config';
import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { AesGcmPayloadCodec, payloadsToJson } from '@jaarcyclus/temporal';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { operatorCommand } from '@jaarcyclus/api-app/cli/operator-command';
import { startApi, type ApiHarness } from '@jaarcyclus/api-app/testing/api-harness';

const UI = 'http://localhost:8233';
const b64 = (s: string): string => Buffer.from(s).toString('base64');
const fromB64 = (s: string): string => Buffer.from(s, 'base64').toString();

/**
 * The codec endpoint of the Temporal Web UI on the real api: only a signed-in operator (a
 * platform role, granted on the server) gets payloads decrypted; an SWV's administrator does
 * not, since a payload does not say whose it is. CORS for the UI's origin only.
 */
describe('codec endpoint for the Temporal Web UI', () => {
  const ring = PayloadKeyRing.generate('2026-01');
  const codec = new AesGcmPayloadCodec(ring);
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;
  let operator: string;
  let admin: string;
  // A vote as it sits in a history: encrypted with the service's key.
  let encrypted: { payloads: { metadata?: Record<string, string>; data?: string }[] };
  const VOTE = {
    personName: 'Femke de Boer',
    comment: 'Akkoord, met zorg over Lyceum Oosterpoort',
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp, { payloadKeyRing: ring, temporalUiOrigin: UI });
    // The operator works for the second SWV: the role reaches across SWVs, as payloads do.
    expect(await operatorCommand(api.ds, ['grant', DEMO_EMAILS.rijnoever.director])).toBe(
      `${DEMO_EMAILS.rijnoever.director} is an operator`,
    );
    operator = await api.signIn(DEMO_EMAILS.rijnoever.director);
    admin = await api.signIn(DEMO_EMAILS.stadsring.secretariat);
    encrypted = payloadsToJson(await codec.encode([defaultPayloadConverter.toPayload(VOTE)]));
  });

  afterAll(async () => {
    await api.close();
    await smtp.stop();
    await db.drop();
  });

  const decode = (auth: Record<string, string>, body: unknown = encrypted) =>
    api
      .http()
      .post('/api/temporal-codec/decode')
      .set(auth)
      .send(body as object);

  it('decrypts for an operator, by bearer token or session cookie', async () => {
    for (const auth of [
      { Authorization: `Bearer ${operator}` } as Record<string, string>,
      { Cookie: `jc_session=${operator}` },
    ]) {
      const res = await decode({ ...auth, 'X-Namespace': 'default' }).expect(200);
      expect(res.body.payloads).toHaveLength(1);
      const [payload] = res.body.payloads as { metadata: Record<string, string>; data: string }[];
      expect(fromB64(payload!.metadata.encoding!)).toBe('json/plain');
      expect(JSON.parse(fromB64(payload!.data))).toEqual(VOTE);
    }
  });

  it('encrypts for an operator, under the current key', async () => {
    const plain = payloadsToJson([defaultPayloadConverter.toPayload(VOTE)]);
    const res = await api
      .http()
      .post('/api/temporal-codec/encode')
      .set({ Authorization: `Bearer ${operator}` })
      .send(plain)
      .expect(200);
    const [payload] = res.body.payloads as { metadata: Record<string, string>; data: string }[];
    expect(fromB64(payload!.metadata['encryption-key-id']!)).toBe('2026-01');
    expect(fromB64(payload!.data)).not.toContain('Femke');
    const back = await codec.decode([
      {
        metadata: Object.fromEntries(
          Object.entries(payload!.metadata).map(([k, v]) => [k, Buffer.from(v, 'base64')]),
        ),
        data: Buffer.from(payload!.data, 'base64'),
      } satisfies Payload,
    ]);
    expect(defaultPayloadConverter.fromPayload(back[0]!)).toEqual(VOTE);
  });

  it('answers 401 without a session', async () => {
    await decode({}).expect(401);
    await decode({ Authorization: 'Bearer not-a-session' }).expect(401);
    await api.http().post('/api/temporal-codec/encode').send(encrypted).expect(401);
  });

  it('answers 403 to everyone without the operator role, administrators of an SWV included', async () => {
    const res = await decode({ Authorization: `Bearer ${admin}` }).expect(403);
    expect(res.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'This needs the platform role: operator',
    });
    const member = await api.signIn(DEMO_EMAILS.stadsring.oprMember);
    await decode({ Authorization: `Bearer ${member}` }).expect(403);
    await api
      .http()
      .post('/api/temporal-codec/encode')
      .set({ Authorization: `Bearer ${admin}` })
      .send(encrypted)
      .expect(403);
  });

  it('cannot be granted by an administrator of an SWV, nor taken away by one', async () => {
    const auth = { Authorization: `Bearer ${admin}` };
    const [{ id: adminId }] = (await api.ds.query(`SELECT id FROM person WHERE email = $1`, [
      DEMO_EMAILS.stadsring.secretariat,
    ])) as [{ id: string }];
    await api
      .http()
      .patch(`/api/persons/${adminId}`)
      .set(auth)
      .send({ roles: ['secretariat', 'admin', 'operator'] })
      .expect(400);
    await api
      .http()
      .patch(`/api/persons/${adminId}`)
      .set(auth)
      .send({ platformRoles: ['operator'] })
      .expect(400);
    await decode(auth).expect(403);

    // Rijnoever's own administrator edits the operator's roles: the platform role stays.
    const rijnoeverAdmin = await api.signIn(DEMO_EMAILS.rijnoever.secretariat);
    const [{ id: operatorId }] = (await api.ds.query(`SELECT id FROM person WHERE email = $1`, [
      DEMO_EMAILS.rijnoever.director,
    ])) as [{ id: string }];
    await api
      .http()
      .patch(`/api/persons/${operatorId}`)
      .set({ Authorization: `Bearer ${rijnoeverAdmin}` })
      .send({ roles: ['director'], name: 'Directeur Rijnoever' })
      .expect(200);
    await decode({ Authorization: `Bearer ${operator}` }).expect(200);
  });

  it('is granted and revoked on the server, effective at the next request', async () => {
    const email = DEMO_EMAILS.stadsring.director;
    const director = await api.signIn(email);
    await decode({ Authorization: `Bearer ${director}` }).expect(403);
    await operatorCommand(api.ds, ['grant', email.toUpperCase()]);
    await operatorCommand(api.ds, ['grant', email]);
    expect(await operatorCommand(api.ds, ['list'])).toBe(
      `operators: ${DEMO_EMAILS.rijnoever.director} (rijnoever), ${email} (stadsring)`,
    );
    await decode({ Authorization: `Bearer ${director}` }).expect(200);
    expect(await operatorCommand(api.ds, ['revoke', email])).toBe(`${email} is not an operator`);
    await decode({ Authorization: `Bearer ${director}` }).expect(403);
    await expect(operatorCommand(api.ds, ['grant', 'niemand@example.org'])).rejects.toThrow(
      'no person with the e-mail address niemand@example.org',
    );
    await expect(operatorCommand(api.ds, ['promote', email])).rejects.toThrow(/^usage: /);
  });

  it('refuses malformed payloads, another namespace, and a payload of an unknown key (400)', async () => {
    const auth = { Authorization: `Bearer ${operator}` };
    const bad = await decode(auth, { payloads: [{ data: 'not base64!' }] }).expect(400);
    expect(bad.body.message).toBe('payloads[0].data must be a base64 string');
    await decode(auth, { nothing: [] }).expect(400);
    const other = await decode({ ...auth, 'X-Namespace': 'another' }).expect(400);
    expect(other.body.message).toBe("This codec serves the namespace 'default', not 'another'");

    const foreign = payloadsToJson(
      await new AesGcmPayloadCodec(PayloadKeyRing.generate('2019-03')).encode([
        defaultPayloadConverter.toPayload(VOTE),
      ]),
    );
    const unknown = await decode(auth, foreign).expect(400);
    expect(unknown.body.message).toMatch(
      /^Payload encrypted with key id '2019-03', which is not in the key ring/,
    );
    expect(JSON.stringify(unknown.body)).not.toContain(ring.key('2026-01')!.toString('base64'));

    // Payloads from before encryption come back as they are.
    const plain = { payloads: [{ metadata: { encoding: b64('json/plain') }, data: b64('"x"') }] };
    expect((await decode(auth, plain).expect(200)).body).toEqual(plain);
  });

  it("answers the Web UI's preflight and requests from its origin only (CORS with credentials)", async () => {
    const preflight = await api
      .http()
      .options('/api/temporal-codec/decode')
      .set({
        Origin: UI,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-namespace',
      })
      .expect(204);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': UI,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'Content-Type, X-Namespace, Authorization',
    });

    const fromUi = await decode({ Origin: UI, Cookie: `jc_session=${operator}` }).expect(200);
    expect(fromUi.headers['access-control-allow-origin']).toBe(UI);
    expect(fromUi.headers['access-control-allow-credentials']).toBe('true');
    expect(fromUi.headers.vary).toMatch(/Origin/);
    // The UI can tell "sign in first" from a network error.
    const signedOut = await decode({ Origin: UI }).expect(401);
    expect(signedOut.headers['access-control-allow-origin']).toBe(UI);

    const evil = 'https://evil.example';
    const evilPreflight = await api
      .http()
      .options('/api/temporal-codec/decode')
      .set({ Origin: evil, 'Access-Control-Request-Method': 'POST' })
      .expect(403);
    expect(evilPreflight.headers['access-control-allow-origin']).toBeUndefined();
    const evilPost = await decode({ Origin: evil, Cookie: `jc_session=${operator}` }).expect(403);
    expect(evilPost.headers['access-control-allow-origin']).toBeUndefined();
    expect(evilPost.body.message).toContain('TEMPORAL_UI_ORIGIN');
    // Other routes get no CORS headers.
    const health = await api.http().get('/health').set({ Origin: UI });
    expect(health.headers['access-control-allow-origin']).toBeUndefined();
  });
});
