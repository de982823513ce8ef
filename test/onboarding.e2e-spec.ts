import { DEFAULT_RULES, formatEuro } from '@jaarcyclus/domain';
import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { platformCommand } from '@jaarcyclus/api-app/cli/platform-command';
import { startStack, type Stack } from './support/stack';

const MAIL_DOMAIN = 'kustlijn.example';
const BOARDS = [
  'Naam;Bestuursnummer;Leerlingen',
  'Stichting Openbaar VO Kustlijn;42001;2.400',
  'Stichting Christelijk VO Duinen;42002;1.100',
].join('\r\n');
const SCHOOLS = [
  'BRIN;Vestiging;Naam;Bestuur;Soort;Leerlingen;Vast bedrag',
  '31AB;00;Kustlijn College;42001;regulier;1.600;40.000,00',
  '31AB;01;Kustlijn Mavo;42001;regulier;800;25.000,00',
  '31CD;00;Duinen Lyceum;42002;regulier;1.100;30.000,00',
].join('\r\n');
const PERSONS = [
  'Naam;E-mail;Rollen;Bestuur;School;Organen;Bestuurder',
  `Karel de Wit;k.dewit@${MAIL_DOMAIN};;42001;;ab;ja`,
  `Noor Kramer;n.kramer@${MAIL_DOMAIN};;42002;;ab;ja`,
  `Ada Bos;a.bos@opr.${MAIL_DOMAIN};;;;opr;`,
  `Bas Kok;b.kok@opr.${MAIL_DOMAIN};;;;opr;`,
  `Cor Smit;c.smit@opr.${MAIL_DOMAIN};;;;opr;`,
  `Dirk Mol;directeur@${MAIL_DOMAIN};directeur;;;;`,
].join('\r\n');

/**
 * Issue #15 end to end on the real Temporal dev server, PostgreSQL and SMTP server: a platform
 * administrator onboards a new SWV governed by an Algemeen Bestuur and an OPR, its
 * administrator signs in from the mailed link and imports its boards, schools and people from
 * CSV files, starts the budget cycle with the SWV's own bodies, the members vote, the
 * directeur-bestuurder adopts, and every board's allocation letter is read from the SMTP server.
 */
describe('a new SWV from onboarding to its first allocation letters (e2e)', () => {
  let stack: Stack;
  const YEAR = 2027;
  const FIGURES = {
    amountPerPupilCents: 20_000,
    equityCents: 30_000_000,
    turnoverCents: 1_000_000_000,
  };

  beforeAll(async () => {
    stack = await startStack();
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
  }, 60_000);

  const importCsv = async (token: string, kind: string, csv: string) => {
    const form = new FormData();
    form.append('file', new Blob([`\uFEFF${csv}`], { type: 'text/csv' }), `${kind}.csv`);
    const res = await fetch(`${stack.baseUrl}/api/import/${kind}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return { status: res.status, body: (await res.json()) as { counts: Record<string, number> } };
  };

  it('onboards, imports, runs the budget cycle with its own bodies and sends the letters', async () => {
    await platformCommand(
      stack.ds,
      ['grant', DEMO_EMAILS.rijnoever.director],
      async () => '',
      () => {
        throw new Error('grant sends no mail');
      },
    );
    const platformAdmin = await stack.signIn(DEMO_EMAILS.rijnoever.director);
    const onboarded = await stack.call('POST', '/api/platform/organisations', {
      token: platformAdmin,
      body: {
        name: 'Samenwerkingsverband VO Kustlijn',
        slug: 'vo-kustlijn',
        sector: 'vo',
        region: 'noord',
        bodies: [
          {
            key: 'ab',
            name: 'Algemeen Bestuur',
            decisionKind: 'goedkeuring',
            votingRule: DEFAULT_RULES.alv,
          },
          {
            key: 'opr',
            name: 'Ondersteuningsplanraad',
            decisionKind: 'instemming',
            votingRule: DEFAULT_RULES.opr,
          },
        ],
        administrator: { name: 'Els Vermeer', email: `beheer@${MAIL_DOMAIN}` },
      },
    });
    expect(onboarded.status).toBe(201);

    // The administrator signs in from the link mailed at onboarding.
    await stack.smtp.waitFor(() => stack.smtp.signInLinks(`beheer@${MAIL_DOMAIN}`).length > 0);
    const admin = await stack.signIn(`beheer@${MAIL_DOMAIN}`);
    for (const [kind, csv, created] of [
      ['boards', BOARDS, 2],
      ['schools', SCHOOLS, 3],
      ['persons', PERSONS, 6],
    ] as const) {
      const res = await importCsv(admin, kind, csv);
      expect(res.status).toBe(200);
      expect(res.body.counts).toEqual({ created, changed: 0, unchanged: 0, refused: 0 });
    }

    const start = await stack.call('POST', '/api/budget-cycles', {
      token: admin,
      body: {
        budgetYear: YEAR,
        proposal: {
          url: 'https://docs.example/begroting-kustlijn-2027.pdf',
          versionLabel: 'Concept v1',
        },
        allocation: FIGURES,
        bodyKeys: ['ab', 'opr'],
        lettersDate: new Date(Date.now() - 60_000).toISOString(),
      },
    });
    expect(start.status).toBe(201);

    const members = {
      ab: [`k.dewit@${MAIL_DOMAIN}`, `n.kramer@${MAIL_DOMAIN}`],
      opr: [`a.bos@opr.${MAIL_DOMAIN}`, `b.kok@opr.${MAIL_DOMAIN}`, `c.smit@opr.${MAIL_DOMAIN}`],
    };
    // The first mails of the cycle: an invitation to every member of both bodies.
    await stack.smtp.waitFor(() =>
      [...members.ab, ...members.opr].every((e) =>
        stack.smtp.to(e).some((m) => m.subject.includes('Stemming')),
      ),
    );
    const invitation = stack.smtp.to(members.ab[0]!).find((m) => m.subject.includes('Stemming'))!;
    expect(invitation.text).toContain('Samenwerkingsverband VO Kustlijn');

    for (const [bodyKey, emails] of Object.entries(members)) {
      for (const email of emails) {
        const token = await stack.signIn(email);
        const until = Date.now() + 30_000;
        for (;;) {
          const vote = await stack.call('POST', `/api/budget-cycles/${YEAR}/votes`, {
            token,
            body: { bodyKey, value: 'for' },
          });
          if (vote.status === 200) break;
          // 409 once the body is decided, or before its round has opened.
          const status = await stack.call('GET', `/api/budget-cycles/${YEAR}`, { token: admin });
          const body = status.body.bodies?.find((b: { bodyKey: string }) => b.bodyKey === bodyKey);
          if (body?.status === 'approved') break;
          if (Date.now() > until)
            throw new Error(`vote answered ${vote.status}: ${JSON.stringify(vote.body)}`);
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    }

    const director = await stack.signIn(`directeur@${MAIL_DOMAIN}`);
    const until = Date.now() + 30_000;
    for (;;) {
      const s = await stack.call('GET', `/api/budget-cycles/${YEAR}`, { token: director });
      if (s.body.phase === 'awaiting_adoption') break;
      if (Date.now() > until) throw new Error(`phase stayed ${s.body.phase}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(
      (await stack.call('POST', `/api/budget-cycles/${YEAR}/adoption`, { token: director })).status,
    ).toBe(200);

    // Each board's letter: its regular schools' fixed amounts plus pupils × amount per pupil.
    const letters = [
      { email: members.ab[0]!, total: 4_000_000 + 2_500_000 + 2400 * 20_000 },
      { email: members.ab[1]!, total: 3_000_000 + 1100 * 20_000 },
    ];
    await stack.smtp.waitFor(() =>
      letters.every((l) =>
        stack.smtp.to(l.email).some((m) => m.subject.includes('Toekenning middelen 2027')),
      ),
    );
    for (const l of letters) {
      const [letter, ...more] = stack.smtp
        .to(l.email)
        .filter((m) => m.subject.includes('Toekenning middelen 2027'));
      expect(more).toEqual([]);
      expect(letter!.text).toContain(formatEuro(l.total));
    }
  }, 180_000);
});
