import { DEFAULT_RULES, type Tally } from '@jaarcyclus/domain';
import type { Task } from '@jaarcyclus/persistence';
import type { BodyRoundView, BudgetCycleStatus } from '@jaarcyclus/workflows';
import { webContext } from '../testing/web-context';
import {
  budgetYearOfWorkflow,
  taskPage,
  taskTally,
  voteInfo,
  voteTaskTarget,
  type TaskTally,
} from './tasks.pages';

const BUDGET_PAGE = '/app/cycles/budget/2027';

describe('voteInfo (what a vote task payload tells about the proposal)', () => {
  it('reads the fields the budget cycle writes', () => {
    expect(
      voteInfo({
        subject: 'Begroting 2027',
        round: 2,
        weight: 4010,
        body: { key: 'alv', name: 'Algemene Ledenvergadering', decisionKind: 'goedkeuring' },
        proposal: { versionLabel: 'v2 (na afwijzing ALV)', url: 'https://docs.example/b.pdf' },
      }),
    ).toEqual({
      subject: 'Begroting 2027',
      bodyName: 'Algemene Ledenvergadering',
      decisionKind: 'goedkeuring',
      round: 2,
      versionLabel: 'v2 (na afwijzing ALV)',
      proposalUrl: 'https://docs.example/b.pdf',
      documentId: null,
      weight: 4010,
    });
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', '//evil.example/x'])(
    'never links to %j',
    (url) => {
      expect(voteInfo({ proposal: { url } }).proposalUrl).toBeNull();
    },
  );

  it('links an uploaded proposal to its download', () => {
    const documentId = '5b0b9c1e-1c1a-4a57-9d54-2d1f3c1e9a10';
    expect(voteInfo({ proposal: { documentId } })).toMatchObject({
      proposalUrl: `/api/documents/${documentId}`,
      documentId,
    });
    expect(voteInfo({ proposal: { documentId: '../x' } })).toMatchObject({
      proposalUrl: null,
      documentId: null,
    });
    // A link given as well is what the proposal opens; the document is then not the download.
    expect(voteInfo({ proposal: { documentId, url: 'https://docs.example/b.pdf' } })).toMatchObject(
      { proposalUrl: 'https://docs.example/b.pdf', documentId: null },
    );
  });

  it('tolerates a payload without any of it', () => {
    expect(voteInfo({})).toEqual({
      subject: null,
      bodyName: null,
      decisionKind: null,
      round: null,
      versionLabel: null,
      proposalUrl: null,
      documentId: null,
      weight: null,
    });
  });
});

describe('budgetYearOfWorkflow (where an adoption task sends the director)', () => {
  it.each<[string, number | null]>([
    ['budget:5b0b9c1e-1c1a-4a57-9d54-2d1f3c1e9a10:2027', 2027],
    ['budget:e2e:2027', 2027],
    ['accountability:5b0b9c1e:2027', null],
    ['budget:x:2027:extra', null],
    ['budget:x:27', null],
  ])('%s → %s', (workflowId, year) => {
    expect(budgetYearOfWorkflow(workflowId)).toBe(year);
  });
});

describe('voteTaskTarget (which round and body a vote task is for)', () => {
  it.each<[Record<string, unknown>, string, { round: number; bodyKey: string } | null]>([
    [{ bodyKey: 'alv', round: 2 }, 'round:2:body:alv', { round: 2, bodyKey: 'alv' }],
    [{}, 'round:3:body:opr', { round: 3, bodyKey: 'opr' }],
    [{ round: 1, body: { key: 'rvt' } }, 'something-else', { round: 1, bodyKey: 'rvt' }],
    [{}, 'submit:1', null],
    [{ round: 1.5, bodyKey: 'alv' }, 'x', null],
  ])('%j with refKey %s → %j', (payload, refKey, target) => {
    expect(voteTaskTarget({ payload, refKey })).toEqual(target);
  });
});

const counts = (over: Partial<Tally>): Tally => ({
  forWeight: 0,
  againstWeight: 0,
  abstainWeight: 0,
  totalWeight: 16500,
  votedWeight: 0,
  votedMembers: 0,
  totalMembers: 10,
  remainingWeight: 16500,
  remainingMembers: 10,
  quorumReached: false,
  outcome: 'undecided',
  final: false,
  ...over,
});

const alv = (over: Partial<BodyRoundView> = {}): BodyRoundView => ({
  bodyKey: 'alv',
  name: 'Algemene Ledenvergadering',
  decisionKind: 'goedkeuring',
  votingRule: DEFAULT_RULES.alv,
  chair: null,
  status: 'open',
  deadline: '2026-12-11T16:00:00.000Z',
  tally: counts({
    forWeight: 4010,
    againstWeight: 2850,
    votedWeight: 6860,
    votedMembers: 2,
    remainingWeight: 9640,
    remainingMembers: 8,
  }),
  quorumReached: false,
  voted: [
    {
      personId: 'p-me',
      name: 'Jolanda Dekker',
      value: 'for',
      weight: 4010,
      comment: 'Akkoord',
      castAt: '2026-11-24T10:00:00.000Z',
      changes: 0,
    },
    {
      personId: 'p-other',
      name: 'Gerrit Hoekstra',
      value: 'against',
      weight: 2850,
      comment: 'Te krap begroot',
      castAt: '2026-11-24T11:00:00.000Z',
      changes: 0,
    },
  ],
  notVoted: [{ personId: 'p-late', name: 'Bram Vos', weight: 1200 }],
  remindersSent: 0,
  nextReminderAt: null,
  escalatedAt: null,
  escalationSentAt: null,
  decidedAt: null,
  decidedBy: null,
  closedByPersonId: null,
  ...over,
});

const cycle = (over: Partial<BudgetCycleStatus> = {}): BudgetCycleStatus => ({
  workflowId: 'budget:org:2027',
  organisationId: 'org',
  budgetYear: 2027,
  title: 'Begroting 2027',
  phase: 'voting',
  round: 1,
  proposal: { versionLabel: 'Concept v1' },
  voteDeadline: '2026-12-11T16:00:00.000Z',
  lettersDate: '2026-12-15T08:00:00.000Z',
  directorPersonId: 'p-director',
  oprDisputeAfterRounds: 2,
  bodies: [alv(), alv({ bodyKey: 'rvt', name: 'Raad van Toezicht' })],
  rounds: [
    {
      round: 1,
      proposal: { versionLabel: 'Concept v1' },
      openedAt: '2026-11-23T10:00:00.000Z',
      status: 'voting',
      bodies: [alv()],
    },
  ],
  consentWithheldRounds: [],
  dispute: null,
  adoption: { requestedAt: null, adoptedAt: null, adoptedByPersonId: null },
  letters: { scheduledFor: null, sentAt: null, result: null },
  timeline: [],
  ...over,
});

describe('taskTally (what a member sees of their body’s votes)', () => {
  it('gives the member’s own body with the totals and their own vote, without who voted what', () => {
    const tally = taskTally(cycle(), { round: 1, bodyKey: 'alv' }, 'p-me', BUDGET_PAGE);
    expect(tally).toMatchObject({ state: 'shown', round: 1, currentRound: 1, ownVote: 'for' });
    if (tally.state !== 'shown') return;
    expect(tally.body.tally?.forWeight).toBe(4010);
    expect(tally.body.voted).toEqual([]);
    expect(tally.body.notVoted).toEqual([]);
  });

  it('has no own vote before the member voted, and nothing for a body not in the round', () => {
    expect(taskTally(cycle(), { round: 1, bodyKey: 'alv' }, 'p-late', BUDGET_PAGE)).toMatchObject({
      ownVote: null,
    });
    expect(taskTally(cycle(), { round: 1, bodyKey: 'opr' }, 'p-me', BUDGET_PAGE)).toEqual({
      state: 'none',
    });
    expect(taskTally(cycle(), { round: 4, bodyKey: 'alv' }, 'p-me', BUDGET_PAGE)).toEqual({
      state: 'none',
    });
  });

  it('keeps an earlier round’s final tally for that round’s task', () => {
    const later = cycle({
      round: 2,
      bodies: [alv({ tally: counts({}), voted: [] })],
      rounds: [
        ...cycle().rounds.map((r) => ({ ...r, status: 'rejected' as const })),
        {
          round: 2,
          proposal: { versionLabel: 'Concept v2' },
          openedAt: '2026-11-30T10:00:00.000Z',
          status: 'voting',
          bodies: [alv({ tally: counts({}), voted: [] })],
        },
      ],
    });
    const tally = taskTally(later, { round: 1, bodyKey: 'alv' }, 'p-me', BUDGET_PAGE);
    expect(tally).toMatchObject({ state: 'shown', round: 1, currentRound: 2, ownVote: 'for' });
    expect(tally.state === 'shown' && tally.body.tally?.forWeight).toBe(4010);
  });
});

describe('the vote task page', () => {
  const ctxIn = (locale: 'nl' | 'en') =>
    webContext({
      locale,
      name: 'Jolanda Dekker',
      email: 'j.dekker@ovo-stadsring.example',
      roles: ['body_member'],
      path: '/app/tasks/t1',
    });
  const documentId = '5b0b9c1e-1c1a-4a57-9d54-2d1f3c1e9a10';
  const task = {
    id: '7d3c3a52-4c64-4b4e-9a43-7c1f0f6c2a11',
    organisationId: 'org',
    personId: 'p-me',
    workflowId: 'budget:org:2027',
    kind: 'vote',
    refKey: 'round:1:body:alv',
    title: 'Stem over de begroting 2027',
    dueAt: new Date('2026-12-11T16:00:00.000Z'),
    status: 'open',
    payload: { bodyKey: 'alv', round: 1, proposal: { versionLabel: 'Concept v1', documentId } },
    createdAt: new Date('2026-11-23T10:00:00.000Z'),
    completedAt: null,
  } as Task;
  const render = (tally: TaskTally, locale: 'nl' | 'en' = 'nl'): string =>
    taskPage(ctxIn(locale), {
      task,
      now: new Date('2026-11-25T10:00:00.000Z'),
      message: null,
      vote: { stage: 'form', value: '', comment: '', errors: [] },
      tally,
      document: {
        id: documentId,
        filename: 'begroting <2027>.pdf',
        contentType: 'application/pdf',
        sizeBytes: 12_700,
        sha256: 'x',
      },
    });

  it('shows the body’s weighted tally and quorum, the member’s own vote, and no one else’s', () => {
    const page = render(taskTally(cycle(), { round: 1, bodyKey: 'alv' }, 'p-me', BUDGET_PAGE));
    expect(page).toContain('Stand van de stemming');
    expect(page).toMatch(/<progress[^>]*max="16500"[^>]*value="6860"/);
    expect(page).toContain('6.860 van 16.500 stemgewicht uitgebracht');
    expect(page).toContain('2 van 10 leden hebben gestemd');
    expect(page).toContain('Quorum nog niet gehaald');
    expect(page).toMatch(/Uw stem<\/dt>\s*<dd><strong>Voor<\/strong>/);
    for (const hidden of ['Gerrit Hoekstra', 'Bram Vos', 'Te krap begroot', 'Akkoord']) {
      expect(page).not.toContain(hidden);
    }
    expect(page).toContain('Hoe afzonderlijke leden stemden, ziet u hier niet.');
  });

  it('tells a member who voted the outcome once their body decided (issue #16, results)', () => {
    const decided = cycle({
      bodies: [alv({ status: 'approved', quorumReached: true, decidedBy: 'votes' })],
    });
    const done = { ...task, status: 'done', completedAt: new Date('2026-11-24T10:00:00.000Z') };
    const page = (locale: 'nl' | 'en', tally: TaskTally) =>
      taskPage(ctxIn(locale), {
        task: done as Task,
        now: new Date('2026-11-25T10:00:00.000Z'),
        message: null,
        vote: { stage: 'form', value: '', comment: '', errors: [] },
        tally,
        document: null,
      });
    const tally = taskTally(decided, { round: 1, bodyKey: 'alv' }, 'p-me', BUDGET_PAGE);
    expect(page('nl', tally)).toContain(
      'Uitslag: de stemming van Algemene Ledenvergadering is afgerond. Uitkomst: goedgekeurd. Uw stem: voor.',
    );
    expect(page('en', tally)).toContain(
      'Result: the vote of Algemene Ledenvergadering has closed.',
    );
    // Still voting: no result yet.
    const open = taskTally(cycle(), { round: 1, bodyKey: 'alv' }, 'p-me', BUDGET_PAGE);
    expect(page('nl', open)).not.toContain('Uitslag:');
  });

  it('offers the uploaded proposal as a download with its name and size, escaped', () => {
    const page = render({ state: 'none' });
    expect(page).toContain(
      `<a href="/api/documents/${documentId}" download>Download het voorstel</a>`,
    );
    expect(page).toContain('begroting &lt;2027&gt;.pdf, 12,4 kB');
  });

  it('says in Dutch, not with a stack trace, when the tally cannot be read', () => {
    const page = render({ state: 'unavailable' });
    expect(page).toContain(
      'De stand van de stemming is op dit moment niet beschikbaar. Probeer het over enkele minuten opnieuw.',
    );
    expect(page).toContain(
      'action="/app/tasks/7d3c3a52-4c64-4b4e-9a43-7c1f0f6c2a11/vote#stem-controleren"',
    );
    expect(page).not.toMatch(/Error|at \w+ \(/);
  });

  it('speaks English to English readers', () => {
    const page = render(
      taskTally(cycle(), { round: 1, bodyKey: 'alv' }, 'p-me', BUDGET_PAGE),
      'en',
    );
    expect(page).toContain('Current tally');
    expect(page).toContain('6,860 of 16,500 vote weight cast');
    expect(page).toContain('Download the proposal');
  });
});
