import { budgetYearOfWorkflow, voteInfo } from './tasks.pages';

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
    expect(voteInfo({ proposal: { documentId } }).proposalUrl).toBe(`/api/documents/${documentId}`);
    expect(voteInfo({ proposal: { documentId: '../x' } }).proposalUrl).toBeNull();
  });

  it('tolerates a payload without any of it', () => {
    expect(voteInfo({})).toEqual({
      subject: null,
      bodyName: null,
      decisionKind: null,
      round: null,
      versionLabel: null,
      proposalUrl: null,
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
