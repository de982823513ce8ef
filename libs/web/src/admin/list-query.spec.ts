import { webContext } from '../testing/web-context';
import {
  ADMIN_PAGE_SIZE,
  listPager,
  listQueries,
  listSearch,
  listUrl,
  matching,
  pageOfList,
} from './list-query';

const people = Array.from({ length: 120 }, (_, i) => ({
  name: `Persoon ${String(i + 1).padStart(2, '0')}`,
  email: `p${i + 1}@school.example`,
}));
const texts = (p: { name: string; email: string }) => [p.name, p.email];

describe('searching and paging the Beheer lists', () => {
  const ctx = webContext({ roles: ['admin'] });

  it('reads each list’s search text and page from the query, anything odd as none / page 1', () => {
    const q = listQueries({
      'q-persons': '  José ',
      'page-persons': '3',
      'page-boards': 'x',
      'q-schools': ['a'],
    });
    expect(q.persons).toEqual({ q: 'José', page: 3 });
    expect(q.boards).toEqual({ q: '', page: 1 });
    expect(q.schools).toEqual({ q: '', page: 1 });
    expect(listQueries({ 'page-bodies': '0' }).bodies.page).toBe(1);
  });

  it('finds every word in any text, ignoring case and accents', () => {
    const rows = [
      { name: 'José de Vries', email: 'jose@a.example' },
      { name: 'Anna Bakker', email: 'a.bakker@ect.example' },
    ];
    expect(matching(rows, 'jose', texts)).toEqual([rows[0]]);
    expect(matching(rows, 'BAKKER ect', texts)).toEqual([rows[1]]);
    expect(matching(rows, 'bakker jose', texts)).toEqual([]);
    expect(matching(rows, '  ', texts)).toEqual(rows);
  });

  it('pages the matches, the last page when more is asked', () => {
    const first = pageOfList('persons', people, { q: '', page: 1 }, texts);
    expect(first.rows).toHaveLength(ADMIN_PAGE_SIZE);
    expect(first).toMatchObject({ found: 120, total: 120, page: 1, pages: 3 });
    const last = pageOfList('persons', people, { q: '', page: 99 }, texts);
    expect(last.page).toBe(3);
    expect(last.rows.map((p) => p.name)).toEqual(people.slice(100).map((p) => p.name));
    const found = pageOfList('persons', people, { q: 'p57@school', page: 1 }, texts);
    expect(found).toMatchObject({ found: 1, total: 120, pages: 1 });
  });

  it('keeps the other lists’ searches in the links and the form', () => {
    const queries = listQueries({ 'q-schools': 'kompas', 'page-persons': '2' });
    expect(listUrl(queries, 'persons', { page: 3 })).toBe(
      '/app/admin?q-schools=kompas&page-persons=3#personen',
    );
    const list = pageOfList('persons', people, queries.persons, texts);
    const form = String(listSearch(ctx, list, queries));
    expect(form).toContain('method="get"');
    expect(form).toContain('<label for="field-q-persons">Zoek een persoon</label>');
    expect(form).toContain('<input type="hidden" name="q-schools" value="kompas" />');
    expect(form).toContain('120 personen');
    const pager = String(listPager(ctx, list, queries));
    expect(pager).toContain('Pagina 2 van 3');
    expect(pager).toContain('href="/app/admin?q-schools=kompas#personen">Vorige pagina');
    expect(pager).toContain(
      'href="/app/admin?q-schools=kompas&amp;page-persons=3#personen">Volgende pagina',
    );
  });

  it('says so when nothing is found, and offers no pages for one page', () => {
    const queries = listQueries({ 'q-boards': 'xyz' });
    const list = pageOfList('boards', [{ name: 'Stadsring', email: '' }], queries.boards, texts);
    expect(String(listSearch(ctx, list, queries))).toContain('Niets gevonden met „xyz”');
    expect(String(listPager(ctx, list, queries))).toBe('');
  });
});
