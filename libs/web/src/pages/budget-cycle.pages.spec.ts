import { DEFAULT_RULES, DomainError, type Tally } from '@jaarcyclus/domain';
import type { Role } from '@jaarcyclus/persistence';
import type { BodyRoundView, BudgetCycleStatus } from '@jaarcyclus/workflows';
import { showVotes } from '@jaarcyclus/api/common/vote-secrecy';
import type { AuthenticatedPerson } from '@jaarcyclus/api/auth/authenticated-person';
import { fieldErrorOf } from '../forms';
import { messagesFor } from '../i18n';
import type { WebContext } from '../layout';
import { budgetCyclePage, shownPhase, type CyclePageData } from './budget-cycle.pages';
import { cyclesPage } from './cycles.pages';

const ctx = (roles: Role[]): WebContext => ({
  locale: 'nl',
  t: messagesFor('nl'),
  person: {
    id: 'p-me',
    name: 'Ingrid Wolters',
    email: 'secretariaat@stadsring.example',
    locale: 'nl',
    roles,
    organisationId: 'org',
    organisation: { id: 'org', name: 'SWV Stadsring', slug: 'stadsring' },
    sessionId: 's',
  },
  csrfToken: 'csrf-token',
  path: '/app/cycles/budget/2027',
});

const tally = (over: Partial<Tally>): Tally => ({
  forWeight: 0,
  againstWeight: 0,
  abstainWeight: 0,
  totalWeight: 0,
  votedWeight: 0,
  votedMembers: 0,
  totalMembers: 0,
  remainingWeight: 0,
  remainingMembers: 0,
  quorumReached: false,
  outcome: 'undecided',
  final: false,
  ...over,
});

const alv: BodyRoundView = {
  bodyKey: 'alv',
  name: 'Algemene <Leden>vergadering',
  decisionKind: 'goedkeuring',
  votingRule: DEFAULT_RULES.alv,
  chair: null,
  status: 'open',
  deadline: '2026-12-11T16:00:00.000Z',
  tally: tally({
    forWeight: 4010,
    totalWeight: 16500,
    votedWeight: 4010,
    votedMembers: 1,
    totalMembers: 10,
  }),
  quorumReached: false,
  voted: [
    {
      personId: 'p1',
      name: 'Jolanda Dekker',
      value: 'for',
      weight: 4010,
      comment: null,
      castAt: '2026-11-24T10:00:00.000Z',
      changes: 0,
    },
  ],
  notVoted: [{ personId: 'p2', name: 'Gerrit <b>Hoekstra</b>', weight: 2850 }],
  remindersSent: 0,
  nextReminderAt: '2026-12-02T08:00:00.000Z',
  escalatedAt: null,
  escalationSentAt: null,
  decidedAt: null,
  decidedBy: null,
  closedByPersonId: null,
};

const opr: BodyRoundView = {
  ...alv,
  bodyKey: 'opr',
  name: 'Ondersteuningsplanraad',
  decisionKind: 'instemming',
  votingRule: DEFAULT_RULES.opr,
  status: 'rejected',
  tally: tally({
    againstWeight: 4,
    totalWeight: 6,
    votedWeight: 4,
    votedMembers: 4,
    totalMembers: 6,
  }),
  voted: [],
  notVoted: [],
};

function status(over: Partial<BudgetCycleStatus> = {}): BudgetCycleStatus {
  return {
    workflowId: 'budget:org:2027',
    organisationId: 'org',
    budgetYear: 2027,
    title: 'Begroting 2027',
    phase: 'voting',
    round: 1,
    proposal: { versionLabel: 'Concept v1', url: 'javascript:alert(1)' },
    voteDeadline: '2026-12-11T16:00:00.000Z',
    lettersDate: '2026-12-15T08:00:00.000Z',
    directorPersonId: 'p-director',
    oprDisputeAfterRounds: 2,
    bodies: [alv],
    rounds: [
      {
        round: 1,
        proposal: { versionLabel: 'Concept v1' },
        openedAt: '2026-11-23T10:00:00.000Z',
        status: 'voting',
        bodies: [alv],
      },
    ],
    consentWithheldRounds: [],
    dispute: null,
    adoption: { requestedAt: null, adoptedAt: null, adoptedByPersonId: null },
    letters: { scheduledFor: null, sentAt: null, result: null },
    timeline: [
      { at: '2026-11-23T10:00:00.000Z', code: 'cycle_started', round: 1, actorPersonId: 'p-me' },
      {
        at: '2026-11-24T10:00:00.000Z',
        code: 'vote_cast',
        round: 1,
        bodyKey: 'alv',
        actorPersonId: 'p1',
        data: { value: 'for', weight: 4010 },
      },
    ],
    ...over,
  };
}

/** Round 1 ended in a rejection: the secretariat may upload a revised version. */
const rejected = (): BudgetCycleStatus =>
  status({
    phase: 'rejected_awaiting_revision',
    bodies: [opr],
    rounds: [
      {
        round: 1,
        proposal: { versionLabel: 'Concept v1' },
        openedAt: '2026-11-23T10:00:00.000Z',
        status: 'rejected',
        bodies: [opr],
      },
    ],
  });

function render(roles: Role[], over: Partial<CyclePageData> = {}): string {
  return budgetCyclePage(ctx(roles), {
    status: status(),
    names: new Map([
      ['p-me', 'Ingrid Wolters'],
      ['p1', 'Jolanda Dekker'],
    ]),
    canManage: roles.includes('secretariat'),
    isDirector: roles.includes('director'),
    isCycleDirector: false,
    message: null,
    errors: [],
    values: {},
    ...over,
  });
}

describe('the budget cycle page', () => {
  it('shows the weighted tally, the quorum as a progress bar and who has not voted, escaped', () => {
    const page = render(['secretariat']);
    expect(page).toContain('Algemene &lt;Leden&gt;vergadering');
    expect(page).toContain('Gerrit &lt;b&gt;Hoekstra&lt;/b&gt;');
    expect(page).not.toContain('<b>Hoekstra');
    expect(page).toMatch(/<progress[^>]*max="16500"[^>]*value="4010"/);
    expect(page).toContain(
      '4.010 van 16.500 stemgewicht uitgebracht; nodig voor het quorum: 8.250',
    );
    expect(page).toContain('Stemming loopt');
    expect(page).toContain('Ronde 1');
    expect(page).toContain(
      'Jolanda Dekker (Algemene &lt;Leden&gt;vergadering) stemde voor, gewicht 4.010',
    );
    expect(page).toContain('Cyclus gestart door Ingrid Wolters');
    // A proposal link from the workflow is never a script URL.
    expect(page).not.toContain('javascript:');
    // No raw JSON or codes from the workflow reach the reader.
    expect(page).not.toMatch(/"phase"|vote_cast|goedkeuring"/);
  });

  it('gives the secretariat its actions while voting, with the form token', () => {
    const page = render(['secretariat']);
    for (const action of ['remind', 'deadline', 'close']) {
      expect(page).toContain(`action="/app/cycles/budget/2027/${action}"`);
    }
    expect(page.match(/name="_csrf" value="csrf-token"/g)?.length).toBeGreaterThanOrEqual(3);
    expect(render(['admin'])).not.toContain('/close');
  });

  it('names a decided body’s decision by its legal kind: consent withheld is not a disapproval', () => {
    const page = render(['admin'], {
      status: rejected(),
    });
    expect(page).toContain('Instemming onthouden');
    expect(page).toContain('Afgewezen: wacht op een herziene versie');
    expect(page).not.toContain('/revision');
    expect(
      render(['secretariat'], {
        status: rejected(),
      }),
    ).toContain('action="/app/cycles/budget/2027/revision"');
  });

  it('takes the revised version as a file or a link, in a multipart form that keeps an upload', () => {
    const form = render(['secretariat'], { status: rejected() });
    expect(form).toMatch(
      /<form\s+method="post"\s+action="\/app\/cycles\/budget\/2027\/revision"\s+enctype="multipart\/form-data"/,
    );
    expect(form).toMatch(/<input[^>]*name="revisionFile"[^>]*type="file"[^>]*accept="\.pdf,/);
    expect(form).toContain('name="revisionUrl"');
    expect(form).not.toContain('name="revisionDocumentId"');

    const refused = render(['secretariat'], {
      status: rejected(),
      values: { revisionUrl: 'https://intranet.example/v2.pdf' },
      errors: [{ field: 'revisionFile', message: messagesFor('nl').proposalSourceBoth }],
      revisionDocument: {
        id: '5b0b9c1e-1c1a-4a57-9d54-2d1f3c1e9a10',
        filename: 'begroting-v2.pdf',
        contentType: 'application/pdf',
        sizeBytes: 2048,
        sha256: 'x',
      },
    });
    expect(refused).toContain('begroting-v2.pdf, 2 kB');
    expect(refused).toContain(
      'name="revisionDocumentId" value="5b0b9c1e-1c1a-4a57-9d54-2d1f3c1e9a10"',
    );
    expect(refused).toContain('Dit bestand niet gebruiken');
    expect(refused).toContain(
      '<a href="#field-revisionFile">Bestand met het voorstel: Geef een bestand óf een link, niet allebei.',
    );
  });

  it('offers adoption to the cycle’s own director only', () => {
    const awaiting = status({ phase: 'awaiting_adoption' });
    const director = render(['director'], { status: awaiting, isCycleDirector: true });
    expect(director).toContain('action="/app/cycles/budget/2027/adopt"');
    expect(director).toContain('id="vaststellen"');
    const otherDirector = render(['director'], { status: awaiting, isCycleDirector: false });
    expect(otherDirector).not.toContain('/adopt"');
    expect(otherDirector).toContain('Alleen de directeur-bestuurder van deze cyclus');
    expect(render(['secretariat'], { status: awaiting })).not.toContain('/adopt"');
  });

  it('links to the allocation letters once they went out, not before', () => {
    const sent = render(['secretariat'], { status: status({ phase: 'letters_sent' }) });
    expect(sent).toContain('<a href="/app/letters">Toekenningsbrieven</a>');
    expect(render(['secretariat'])).not.toContain('href="/app/letters"');
  });

  it('does not offer again an action just taken while the workflow records its next phase', () => {
    const adopted = status({
      phase: 'awaiting_adoption',
      adoption: {
        requestedAt: null,
        adoptedAt: '2026-12-12T10:00:00.000Z',
        adoptedByPersonId: 'p-director',
      },
    });
    expect(shownPhase(adopted)).toBe('awaiting_letters');
    expect(render(['director'], { status: adopted, isCycleDirector: true })).not.toContain(
      '/adopt"',
    );
    const revised = status({
      phase: 'rejected_awaiting_revision',
      round: 2,
      rounds: [
        {
          round: 1,
          proposal: { versionLabel: 'v1' },
          openedAt: '2026-11-23T10:00:00.000Z',
          status: 'rejected',
          bodies: [],
        },
        {
          round: 2,
          proposal: { versionLabel: 'v2' },
          openedAt: '2026-11-24T10:00:00.000Z',
          status: 'opening',
          bodies: [],
        },
      ],
    });
    expect(shownPhase(revised)).toBe('voting');
    expect(render(['secretariat'], { status: revised })).not.toContain('/revision"');
    expect(
      shownPhase(
        status({
          phase: 'rejected_awaiting_revision',
          rounds: [
            {
              round: 1,
              proposal: { versionLabel: 'v1' },
              openedAt: '2026-11-23T10:00:00.000Z',
              status: 'rejected',
              bodies: [],
            },
          ],
        }),
      ),
    ).toBe('rejected_awaiting_revision');
  });

  it('under vote secrecy: the sealed notice and who voted without how; comments by name or without names', () => {
    const me = ctx(['secretariat']).person as unknown as AuthenticatedPerson;
    const withComment = {
      ...alv,
      voted: [{ ...alv.voted[0]!, comment: 'Akkoord, mits <de> reserve klopt.' }],
    };
    const shown = (secrecy: 'open' | 'totals_after_close' | 'secret', body: BodyRoundView) =>
      showVotes(
        status({
          bodies: [body],
          rounds: [{ ...status().rounds[0]!, bodies: [body] }],
        }),
        me,
        { current: new Map([[body.bodyKey, secrecy]]), history: [] },
      ) as unknown as BudgetCycleStatus;

    const sealed = render(['secretariat'], { status: shown('totals_after_close', withComment) });
    expect(sealed).toContain(
      'Totalen pas na sluiting: hoe er is gestemd, blijft verborgen tot de stemming sluit',
    );
    expect(sealed).not.toContain('class="tally"');
    expect(sealed).toContain('Jolanda Dekker: <span class="muted">stem niet zichtbaar</span>');
    expect(sealed).not.toContain('stemde voor');
    expect(sealed).toContain('Jolanda Dekker (Algemene &lt;Leden&gt;vergadering) heeft gestemd');
    expect(sealed).not.toContain('reserve klopt');
    // The turnout stays: 4,010 of 16,500 pupils' weight voted.
    expect(sealed).toMatch(/<progress[^>]*max="16500"[^>]*value="4010"/);

    const open = render(['secretariat'], { status: shown('open', withComment) });
    expect(open).toContain('class="tally"');
    expect(open).toMatch(/Toelichtingen <span class="muted">\(1\)<\/span>/);
    expect(open).toContain('Jolanda Dekker (voor)');
    expect(open).toContain('Akkoord, mits &lt;de&gt; reserve klopt.');

    const decided = { ...withComment, status: 'approved' as const };
    const secret = render(['secretariat'], { status: shown('secret', decided) });
    expect(secret).toContain('class="tally"');
    expect(secret).toContain('Zonder naam en op alfabet: dit orgaan stemt geheim.');
    expect(secret).toContain('Stem: voor');
    expect(secret).toContain('Akkoord, mits &lt;de&gt; reserve klopt.');
    expect(secret).not.toContain('Jolanda Dekker (voor)');
    // Who took part, never how.
    expect(secret).toContain('Jolanda Dekker: <span class="muted">stem niet zichtbaar</span>');
  });

  it('speaks English to English readers', () => {
    const en = budgetCyclePage(
      { ...ctx(['admin']), locale: 'en', t: messagesFor('en') },
      {
        status: status(),
        names: new Map(),
        canManage: false,
        isDirector: false,
        isCycleDirector: false,
        message: null,
        errors: [],
        values: {},
      },
    );
    expect(en).toContain('Voting open');
    expect(en).toContain('4,010 of 16,500 vote weight cast');
    expect(en).toContain('<html lang="en">');
  });

  it('shows a refusal as an alert', () => {
    const refusal = DomainError.of('CONFLICT', undefined, 'refusal.cycleFinished');
    expect(refusal.message).toBe('This cycle has finished; it no longer accepts changes');
    const page = render(['secretariat'], { errors: [fieldErrorOf(refusal)] });
    expect(page).toContain('role="alert"');
    expect(page).toContain('Deze cyclus is afgerond en kan niet meer worden gewijzigd.');
    expect(page).toContain('<title>Fout: Begroting 2027');
  });
});

describe('the cycles list', () => {
  it('has an empty state that tells who starts a cycle', () => {
    expect(cyclesPage(ctx(['secretariat']), { cycles: [], canStart: true })).toContain(
      'href="/app/cycles/budget/new"',
    );
    const director = cyclesPage(ctx(['director']), { cycles: [], canStart: false });
    expect(director).not.toContain('/app/cycles/budget/new');
    expect(director).toContain('Het secretariaat start de begrotingscyclus.');
  });
});
