import { html, type SafeHtml } from '../html';
import type { WebContext } from '../layout';
import { ADMIN_SECTIONS, type AdminKind } from './shared.pages';

/** Rows on one page of a Beheer list: a small SWV on one page, a large one paged. */
export const ADMIN_PAGE_SIZE = 50;

/** The kinds listed on the Beheer page, in its order. */
export const LISTED_KINDS: readonly AdminKind[] = ['boards', 'schools', 'persons', 'bodies'];

/** What one list on the Beheer page was asked for: `?q-<kind>=` and `?page-<kind>=`. */
export interface ListQuery {
  q: string;
  page: number;
}

export type ListQueries = Record<AdminKind, ListQuery>;

/** Query parameter names of a list. */
export const qParam = (kind: AdminKind) => `q-${kind}`;
export const pageParam = (kind: AdminKind) => `page-${kind}`;

/** The lists' search texts and pages from the query string; anything odd reads as "none"/page 1. */
export function listQueries(query: Record<string, unknown>): ListQueries {
  const one = (kind: AdminKind): ListQuery => {
    const q = query[qParam(kind)];
    const p = query[pageParam(kind)];
    const page = typeof p === 'string' && /^\d{1,6}$/.test(p) ? Math.max(1, Number(p)) : 1;
    return { q: typeof q === 'string' ? q.trim().slice(0, 100) : '', page };
  };
  return {
    boards: one('boards'),
    schools: one('schools'),
    persons: one('persons'),
    bodies: one('bodies'),
  };
}

/** Lower case without accents, so "Jose" finds "José" and "ECT" finds "ect". */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl');
}

/** Rows of which any text contains every word of the query (all rows for an empty query). */
export function matching<T>(rows: readonly T[], q: string, texts: (row: T) => string[]): T[] {
  const words = searchKey(q).split(/\s+/u).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const haystack = searchKey(texts(row).join(' '));
    return words.every((w) => haystack.includes(w));
  });
}

/** One page of a list: its rows, and what the page needs to say where it is. */
export interface ListPage<T> {
  kind: AdminKind;
  rows: T[];
  /** Rows matching the query (all pages). */
  found: number;
  /** Rows in the list without the query. */
  total: number;
  page: number;
  pages: number;
  q: string;
}

/** The matching rows of page `query.page` (the last page when it asks for more). */
export function pageOfList<T>(
  kind: AdminKind,
  rows: readonly T[],
  query: ListQuery,
  texts: (row: T) => string[],
): ListPage<T> {
  const found = matching(rows, query.q, texts);
  const pages = Math.max(1, Math.ceil(found.length / ADMIN_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  return {
    kind,
    rows: found.slice((page - 1) * ADMIN_PAGE_SIZE, page * ADMIN_PAGE_SIZE),
    found: found.length,
    total: rows.length,
    page,
    pages,
    q: query.q,
  };
}

/** The url of the Beheer page with `change` applied to the lists' queries, at the list's section. */
export function listUrl(queries: ListQueries, kind: AdminKind, change: Partial<ListQuery>): string {
  const params = new URLSearchParams();
  for (const k of LISTED_KINDS) {
    const q = k === kind ? { ...queries[k], ...change } : queries[k];
    if (q.q) params.set(qParam(k), q.q);
    if (q.page > 1) params.set(pageParam(k), String(q.page));
  }
  const search = params.toString();
  return `/app/admin${search ? `?${search}` : ''}#${ADMIN_SECTIONS[kind]}`;
}

/**
 * Above a list: a search form (GET, so it works without a script and the result can be
 * bookmarked), keeping what the other lists were asked, and how many rows are shown.
 */
export function listSearch(
  ctx: WebContext,
  list: ListPage<unknown>,
  queries: ListQueries,
): SafeHtml {
  const t = ctx.t.lists;
  const { kind } = list;
  const id = `field-${qParam(kind)}`;
  const others = LISTED_KINDS.filter((k) => k !== kind);
  return html`<form
      method="get"
      action="/app/admin#${ADMIN_SECTIONS[kind]}"
      class="filters list-search"
      role="search"
      aria-labelledby="${ADMIN_SECTIONS[kind]}"
    >
      ${others.map((k) =>
        queries[k].q
          ? html`<input type="hidden" name="${qParam(k)}" value="${queries[k].q}" />`
          : '',
      )}
      ${others.map((k) =>
        queries[k].page > 1
          ? html`<input type="hidden" name="${pageParam(k)}" value="${String(queries[k].page)}" />`
          : '',
      )}
      <div class="field">
        <label for="${id}">${t.searchLabel[kind]}</label>
        <p class="hint" id="${id}-hint">${t.searchHint[kind]}</p>
        <input
          id="${id}"
          name="${qParam(kind)}"
          type="search"
          value="${list.q}"
          autocomplete="off"
          aria-describedby="${id}-hint"
        />
      </div>
      <div class="actions">
        <button type="submit" class="button button--secondary">${t.searchButton}</button>
        ${list.q ? html`<a href="${listUrl(queries, kind, { q: '', page: 1 })}">${t.clear}</a>` : ''}
      </div>
    </form>
    <p class="list-count">
      ${t.count(list.found, list.total, t.countWhat[kind])}${list.q ? html` ${t.matching(list.q)}` : ''}
    </p>
    ${list.q && list.found === 0 ? html`<p class="notice notice--info">${t.noneFound(list.q)}</p>` : ''}`;
}

/** Below a list of more than one page: previous, "Pagina 2 van 5", next (links, no script). */
export function listPager(
  ctx: WebContext,
  list: ListPage<unknown>,
  queries: ListQueries,
): SafeHtml {
  if (list.pages <= 1) return html``;
  const t = ctx.t.lists;
  const { kind, page } = list;
  return html`<nav class="pager" aria-label="${t.pagesLabel(t.countWhat[kind])}">
    <ul>
      ${
        page > 1
          ? html`<li>
              <a rel="prev" href="${listUrl(queries, kind, { page: page - 1 })}">${t.previous}</a>
            </li>`
          : ''
      }
      <li>${t.pageOf(page, list.pages)}</li>
      ${
        page < list.pages
          ? html`<li>
              <a rel="next" href="${listUrl(queries, kind, { page: page + 1 })}">${t.next}</a>
            </li>`
          : ''
      }
    </ul>
  </nav>`;
}
