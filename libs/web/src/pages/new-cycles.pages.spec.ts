import { webContext } from '../testing/web-context';
import { agreementsSection } from './new-cycles.pages';
import { supportPlanCyclePage } from './support-plan.pages';

describe('the agreements of the ECT evaluation beside the next accountability overview', () => {
  const rows = [
    { schoolId: 's1', schoolName: 'Stadsring College' },
    { schoolId: 's2', schoolName: 'Lyceum Oosterpoort' },
  ];

  it('lists the schools shown that have agreements, escaped, under the year they were made', () => {
    const out = agreementsSection(
      webContext(),
      2026,
      rows,
      new Map([['s1', 'Twee consultaties <b>per</b> periode']]),
    ).toString();
    expect(out).toContain('Afspraken uit de evaluatie 2025');
    expect(out).toContain('Stadsring College');
    expect(out).not.toContain('Lyceum Oosterpoort');
    expect(out).toContain('Twee consultaties &lt;b&gt;per&lt;/b&gt; periode');
  });

  it('says so when nothing was agreed, in English too', () => {
    const out = agreementsSection(webContext({ locale: 'en' }), 2026, rows, new Map()).toString();
    expect(out).toContain('Agreements from the 2025 evaluation');
    expect(out).toContain('No agreements recorded.');
  });
});

describe('the support plan’s cycle page', () => {
  const status = (phase: string, disputes: unknown[] = []) =>
    ({
      workflowId: 'support-plan:org:2027-2031',
      organisationId: 'org',
      firstYear: 2027,
      lastYear: 2031,
      title: 'Ondersteuningsplan 2027–2031',
      phase,
      round: 1,
      proposal: { url: 'https://x.example/op.pdf', versionLabel: 'Concept 1' },
      voteDeadline: '2027-02-26T16:00:00.000Z',
      directorPersonId: 'p-dir',
      bodies: [],
      rounds: [],
      disputes,
      adoption: { requestedAt: null, adoptedAt: null, adoptedByPersonId: null },
      timeline: [],
    }) as unknown as Parameters<typeof supportPlanCyclePage>[1]['status'];
  const render = (s: ReturnType<typeof status>, roles: ('secretariat' | 'director')[]) =>
    supportPlanCyclePage(webContext({ roles }), {
      status: s,
      period: '2027-2031',
      names: new Map(),
      canManage: roles.includes('secretariat'),
      isCycleDirector: roles.includes('director'),
      message: null,
      errors: [],
      values: {},
    });

  it('offers the secretariat the referral after withheld consent, and the ruling while a dispute is open', () => {
    expect(render(status('consent_withheld'), ['secretariat'])).toContain(
      'action="/app/cycles/support-plan/2027-2031/dispute"',
    );
    const open = render(
      status('dispute', [
        {
          round: 1,
          bodyKey: 'opr',
          referredOn: '2027-03-10',
          referredByPersonId: 'p-secr',
          caseReference: '108765',
          outcome: null,
          decidedOn: null,
          recordedByPersonId: null,
        },
      ]),
      ['secretariat'],
    );
    expect(open).toContain('action="/app/cycles/support-plan/2027-2031/ruling"');
    expect(open).toContain('108765');
    expect(open).toContain('Vaststellen kan pas als de uitspraak van de Commissie is vastgelegd.');
    expect(open).not.toContain('/adopt"');
  });

  it('offers the director the adoption only when every body decided', () => {
    expect(render(status('awaiting_adoption'), ['director'])).toContain('/adopt"');
    expect(render(status('voting'), ['director'])).not.toContain('/adopt"');
  });
});
