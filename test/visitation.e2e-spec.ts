import { addBusinessDays, amsterdamDate, isBusinessDay } from '@jaarcyclus/domain';
import { DEMO_EMAILS, seedVisitationDemo } from '@jaarcyclus/persistence';
import { lastBusinessMomentClock, startStack, type Stack } from './support/stack';

/**
 * Collegial visitations end to end (docs/domain.md §3): api + worker on the Temporal dev
 * server, PostgreSQL and an SMTP server. The secretariat opens a programme with visits a few
 * weeks ahead, has HiGHS propose a schedule and publishes it; the programme's workflow starts
 * one flow per visit, whose invitations arrive by mail. The host and the chair confirm; the
 * secretariat reminds now ("herinner nu") and only the member who still owes an answer gets
 * the reminder. That member declines; one seat is re-solved and the newcomer is invited by
 * mail, nothing else of the schedule moves.
 *
 * Independent of the hour: an invitation goes out at the first business moment after the
 * programme was published, and the dev server's clock cannot be moved. So the worker's clock
 * (StackOptions.workerClock, lastBusinessMomentClock) says the programme was published at the
 * last business moment (now, in business hours; else 10:00 on the business day before): the
 * flow, planned from then, invites at once. That a flow started at night holds its invitation until the next
 * business morning is the workflow test's (visit.wf-spec.ts).
 */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000) {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe('visitation (e2e)', () => {
  jest.setTimeout(180_000);
  let stack: Stack;
  let secretariat: string;
  const today = amsterdamDate(new Date());
  beforeAll(async () => {
    stack = await startStack({ workerClock: lastBusinessMomentClock() });
    await seedVisitationDemo(stack.ds);
    secretariat = await stack.signIn(DEMO_EMAILS.stadsring.secretariat);
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  }, 60_000);

  it('publishes a proposed schedule, invites host and team by mail, reminds now only who still owes an answer, and replaces a visitor who declines', async () => {
    const demo = (await stack.call('GET', '/api/visitation-programmes', { token: secretariat }))
      .body[0];
    const programme = (
      await stack.call('GET', `/api/visitation-programmes/${demo.id}`, { token: secretariat })
    ).body;
    // Two schools, visited within the next weeks by a team of two.
    const hosts = programme.hosts
      .filter((h: { kind: string }) => h.kind === 'school')
      .slice(0, 2)
      .map((h: { schoolId: string }) => ({ kind: 'school', schoolId: h.schoolId }));
    const start = addBusinessDays(today, 8, { region: 'noord' });
    const end = addBusinessDays(today, 25, { region: 'noord' });
    const created = await stack.call('POST', '/api/visitation-programmes', {
      token: secretariat,
      body: {
        title: 'Visitaties e2e',
        schoolYear: '2026-2027',
        kind: 'collegiale-visitatie',
        teamSize: 2,
        maxVisitsPerVisitor: 1,
        windows: [{ start, end }],
        hosts,
        visitors: programme.visitors.map((v: { personId: string; trainedChair: boolean }) => ({
          personId: v.personId,
          trainedChair: v.trainedChair,
        })),
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const proposal = await stack.call('POST', `/api/visitation-programmes/${id}/proposals`, {
      token: secretariat,
      body: {},
    });
    expect(proposal.status).toBe(201);
    expect(['optimal', 'feasible']).toContain(proposal.body.status);
    const published = await stack.call('POST', `/api/visitation-programmes/${id}/publish`, {
      token: secretariat,
    });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect(published.body.visits).toHaveLength(2);
    for (const v of published.body.visits)
      expect(isBusinessDay(v.visitDate, { region: 'noord' })).toBe(true);

    // Every visit's flow runs and publishes its read model.
    await eventually('the visit flows', async () => {
      const rows = (await stack.ds.query(
        `SELECT seq FROM visitation_visit WHERE programme_id = $1 AND seq > 0`,
        [id],
      )) as unknown[];
      return rows.length === 2 ? rows : undefined;
    });

    const visit = published.body.visits[0] as {
      id: string;
      hostName: string;
      contactPersonIds: string[];
      team: { visitorId: string; role: string }[];
    };
    const emailOf = async (personId: string): Promise<string> =>
      (
        (await stack.ds.query(`SELECT email FROM person WHERE id = $1`, [personId])) as {
          email: string;
        }[]
      )[0]!.email;
    const member = visit.team.find((s) => s.role === 'member')!;
    const memberEmail = await emailOf(member.visitorId);
    const hostEmail = await emailOf(visit.contactPersonIds[0]!);
    const invitationTo = (email: string) =>
      stack.smtp
        .to(email)
        .find((m) => m.subject.includes(visit.hostName) && /bevestig de datum/.test(m.subject));
    const invitation = await eventually('the invitation mail', async () =>
      invitationTo(memberEmail),
    );
    expect(invitation.text).toContain('Beste ');
    expect(invitation.text).toMatch(/http:\/\/jaarcyclus\.test\/app\/tasks\/[0-9a-f-]+/);
    await eventually('the host’s invitation', async () => invitationTo(hostEmail));
    // The flow recorded the invitation (the read model follows the mails).
    await eventually('the invitation in the read model', async () => {
      const rows = (await stack.ds.query(`SELECT state FROM visitation_visit WHERE id = $1`, [
        visit.id,
      ])) as { state: { history: { code: string }[] } }[];
      return rows[0]!.state.history.some((e) => e.code === 'invited') ? true : undefined;
    });

    // The host and the chair confirm; the member has not answered yet.
    const chair = visit.team.find((s) => s.role === 'chair')!;
    const chairEmail = await emailOf(chair.visitorId);
    for (const email of [hostEmail, chairEmail]) {
      const confirmed = await stack.call('POST', `/api/visits/${visit.id}/answer`, {
        token: await stack.signIn(email),
        body: { answer: 'confirm' },
      });
      expect(confirmed.status).toBe(200);
    }
    // "Herinner nu": the timer's reminder, now, only to whoever still owes the step.
    const reminded = await stack.call('POST', `/api/visits/${visit.id}/remind`, {
      token: secretariat,
      body: { step: 'date_confirmation' },
    });
    expect(reminded.status).toBe(200);
    expect(reminded.body).toEqual({ step: 'date_confirmation', recipients: 1 });
    const isReminder = (m: { subject: string }) =>
      m.subject.includes(visit.hostName) && /herinnering bevestiging van de datum/.test(m.subject);
    const reminder = await eventually('the reminder', async () =>
      stack.smtp.to(memberEmail).find(isReminder),
    );
    expect(reminder.text).toContain('wachten wij nog op uw bevestiging van de datum');
    expect(stack.smtp.to(hostEmail).filter(isReminder)).toEqual([]);
    expect(stack.smtp.to(chairEmail).filter(isReminder)).toEqual([]);
    // Its outbox row: one per recipient, keyed by the visit's flow. The outbox commits a row in
    // the transaction that sends it, so the row shows a moment after the SMTP server has the mail.
    const outbox = await eventually('the reminder’s outbox row', async () => {
      const rows = (await stack.ds.query(
        `SELECT to_address, status FROM outbox_message WHERE idempotency_key LIKE $1`,
        [`%:remind-now:%`],
      )) as { to_address: string; status: string }[];
      return rows.length > 0 ? rows : undefined;
    });
    expect(outbox).toEqual([{ to_address: memberEmail, status: 'sent' }]);

    // The member cannot come: one seat is re-solved, the newcomer is invited.
    const token = await stack.signIn(memberEmail);
    const declined = await stack.call('POST', `/api/visits/${visit.id}/answer`, {
      token,
      body: { answer: 'decline' },
    });
    expect(declined.status).toBe(200);
    const team = await eventually('the new team', async () => {
      const rows = (await stack.ds.query(`SELECT team FROM visitation_visit WHERE id = $1`, [
        visit.id,
      ])) as { team: { visitorId: string; role: string }[] }[];
      const t = rows[0]!.team;
      return t.some((s) => s.visitorId === member.visitorId) ? undefined : t;
    });
    const newcomer = team.find((s) => !visit.team.some((o) => o.visitorId === s.visitorId))!;
    expect(team.find((s) => s.role === 'chair')).toEqual(
      visit.team.find((s) => s.role === 'chair'),
    );
    const newcomerEmail = await emailOf(newcomer.visitorId);
    const seatMail = await eventually('the replacement’s mail', async () =>
      stack.smtp.to(newcomerEmail).find((m) => /kunt u invallen/.test(m.subject)),
    );
    expect(seatMail.text).toContain(visit.hostName);
    // The one who declined is out of the visit: no longer theirs to see.
    const gone = await stack.call('GET', `/api/visits/${visit.id}`, { token });
    expect(gone.status).toBe(404);
    // The other visit kept its team.
    const other = published.body.visits[1];
    const otherNow = (
      (await stack.ds.query(`SELECT team FROM visitation_visit WHERE id = $1`, [other.id])) as {
        team: unknown;
      }[]
    )[0]!.team;
    expect(otherNow).toEqual(other.team);
  });
});
