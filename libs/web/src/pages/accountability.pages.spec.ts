import type { Locale } from '@jaarcyclus/i18n';
import type { CycleOverview } from '@jaarcyclus/api/accountability/accountability-cycles.service';
import { webContext } from '../testing/web-context';
import { accountabilityOverviewPage } from './accountability.pages';

const context = (locale: Locale) => webContext({ locale, path: '/app/cycles/accountability/2026' });

const row = (
  schoolName: string,
  status: CycleOverview['rows'][number]['status'],
  deductionCents: number | null,
): CycleOverview['rows'][number] => ({
  schoolId: `id-${schoolName}`,
  schoolName,
  boardId: 'b1',
  boardName: 'OVO Stadsring',
  status,
  statusLabel: status,
  version: 1,
  deadline: '2027-02-01T22:59:59.999Z',
  daysLate: 0,
  submittedAt: null,
  lateSince: null,
  receivedCents: null,
  spentCents: null,
  deductionCents,
  deductionAllocationYear: deductionCents === null ? null : 2028,
  waiver: null,
  schoolReplied: false,
});

function overview(rows: CycleOverview['rows']): CycleOverview {
  const deducted = rows.filter((r) => r.deductionCents !== null);
  return {
    workflowId: 'accountability:org:2026',
    accountingYear: 2026,
    title: 'Verantwoording 2026',
    status: 'running',
    formatVersion: 1,
    deadline: '2027-02-01T22:59:59.999Z',
    schools: rows.length,
    counts: { accepted: deducted.length, submitted: rows.length - deducted.length },
    deductions: {
      totalCents: deducted.reduce((sum, r) => sum + r.deductionCents!, 0),
      schools: deducted.length,
    },
    rows,
  };
}

describe('the accountability overview page', () => {
  it('adds up the deductions of the whole cycle, also when a search shows fewer schools', () => {
    const all = overview([
      row('Stadsring College', 'accepted', 799_950),
      row('Lyceum Oosterpoort', 'accepted', 1_250_000),
      row('Vakcollege Noorderhaven', 'submitted', null),
    ]);
    const html = accountabilityOverviewPage(context('nl'), {
      overview: all,
      rows: all.rows.slice(2),
      filter: { status: ['submitted'] },
    });
    expect(html).toContain('€ 20.499,50 in totaal, bij 2 scholen');
    expect(html).toContain('1 van 3 scholen');
  });

  it('says next to a waived school why it was waived, escaped', () => {
    const waived = {
      ...row('Lyceum Oosterpoort', 'waived', null),
      waiver: {
        reason: 'Gefuseerd met <Stadsring College>',
        at: '2027-02-04T09:30:00.000Z',
        byName: 'Ingrid Wolters',
      },
    };
    const html = accountabilityOverviewPage(context('nl'), { overview: overview([waived]) });
    expect(html).toMatch(
      /Vrijgesteld\s*<br \/><span class="muted">Gefuseerd met &lt;Stadsring College&gt;<\/span>/,
    );
  });

  it('counts one school as one school', () => {
    const one = overview([row('Stadsring College', 'submitted', null)]);
    expect(accountabilityOverviewPage(context('nl'), { overview: one })).toContain('>1 school<');
    expect(accountabilityOverviewPage(context('en'), { overview: one })).toContain('>1 school<');
  });

  it('says there are no deductions yet, and how one arises', () => {
    const html = accountabilityOverviewPage(context('en'), {
      overview: overview([row('Stadsring College', 'submitted', null)]),
    });
    expect(html).toContain(
      'None yet: a deduction arises when an accountability with underspending is accepted.',
    );
  });
});
