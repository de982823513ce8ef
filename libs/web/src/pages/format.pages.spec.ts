import { DEFAULT_ACCOUNTABILITY_FORMAT, type AccountabilityFormat } from '@jaarcyclus/domain';
import type { Locale } from '@jaarcyclus/i18n';
import type { Role } from '@jaarcyclus/persistence';
import type { FormatVersionUse } from '@jaarcyclus/api/accountability/accountability-formats.service';
import { formatValues } from '../format-form';
import { webContext } from '../testing/web-context';
import { formatPage, formatVersionPage } from './format.pages';

const context = (locale: Locale, roles: Role[] = ['secretariat']) =>
  webContext({ locale, roles, path: '/app/cycles/accountability/format' });

const v2: AccountabilityFormat = {
  ...DEFAULT_ACCOUNTABILITY_FORMAT,
  version: 2,
  incomeLines: [
    ...DEFAULT_ACCOUNTABILITY_FORMAT.incomeLines,
    { key: 'gemeente', label: 'Bijdrage gemeente <script>alert(1)</script>', required: false },
  ],
};
const versions: FormatVersionUse[] = [
  {
    version: 2,
    publishedAt: '2026-12-05T10:15:00.000Z',
    publishedBy: 'Ingrid Wolters',
    isDefault: false,
    accountingYears: [],
  },
  {
    version: 1,
    publishedAt: null,
    publishedBy: null,
    isDefault: true,
    accountingYears: [2025, 2026],
  },
];

describe('the accountability format pages', () => {
  it('show the secretariat the current version, who published it, the cycles per version and the form', () => {
    const html = formatPage(context('nl'), {
      current: v2,
      versions,
      message: null,
      edit: { values: formatValues(v2), errors: [] },
    });
    expect(html).toContain('Huidige versie: 2.');
    // 11:15 in Amsterdam (UTC+1 in December).
    expect(html).toMatch(/Gepubliceerd op [^<]*11:15 door Ingrid Wolters\./);
    expect(html).toContain('Verantwoording 2025, Verantwoording 2026');
    expect(html).toContain('Nog geen verantwoording');
    expect(html).toContain('name="baseVersion" value="2"');
    expect(html).toContain('Publiceren als versie 3');
    // A description typed by the secretariat is text, never markup.
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('Bijdrage gemeente &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('show the director the lines read-only, in English when chosen', () => {
    const html = formatPage(context('en', ['director']), {
      current: v2,
      versions,
      message: null,
      edit: null,
    });
    expect(html).toContain('Current version: 2.');
    expect(html).toContain('Published on');
    expect(html).toContain('Equal to the FTE of the extra support category');
    expect(html).not.toContain('<form method="post" action="/app/cycles/accountability/format"');
    expect(html).not.toMatch(/Huidige versie|Gepubliceerd op|Verplicht voor elke school/);
  });

  it('warn when a format does not ask for the variable amount the underspending counts', () => {
    const withoutVariable = {
      ...v2,
      incomeLines: v2.incomeLines.filter((l) => l.key !== 'swv_variabel_bedrag'),
    };
    const readOnly = (format: AccountabilityFormat) =>
      formatPage(context('nl', ['director']), {
        current: format,
        versions,
        message: null,
        edit: null,
      });
    expect(readOnly(withoutVariable)).toContain('data-variable-line-missing');
    expect(readOnly(withoutVariable)).toContain(
      'telt dan alleen het vaste bedrag van de school als ontvangen',
    );
    expect(readOnly(v2)).not.toContain('data-variable-line-missing');
    // In the form the warning follows what is being edited.
    const editing = formatPage(context('nl'), {
      current: v2,
      versions,
      message: null,
      edit: { values: formatValues(withoutVariable), errors: [] },
    });
    expect(editing).toContain('data-variable-line-missing');
  });

  it('show an older version with the cycles that use it', () => {
    const html = formatVersionPage(context('nl'), {
      format: DEFAULT_ACCOUNTABILITY_FORMAT,
      use: versions[1]!,
    });
    expect(html).toContain('Verantwoordingsformat, versie 1');
    expect(html).toContain('het standaardformat');
    expect(html).toContain('Gebruikt door: Verantwoording 2025, Verantwoording 2026');
    expect(html).toContain('Overige ontvangsten voor passend onderwijs');
  });
});
