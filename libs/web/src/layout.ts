import type { Locale } from '@jaarcyclus/i18n';
import type { AuthenticatedPerson } from '@jaarcyclus/api/auth/authenticated-person';
import { READ_ROLES } from '@jaarcyclus/api/auth/decorators';
import { assetHref } from './assets/assets';
import { CSRF_FIELD } from './csrf';
import { html, type SafeHtml } from './html';
import type { Messages } from './i18n';

/** What every page needs to know about the request it answers. */
export interface WebContext {
  locale: Locale;
  t: Messages;
  /** null on the sign-in pages. */
  person: AuthenticatedPerson | null;
  /** '' on a page that posts no form of the web app (the pages behind the e-mailed link). */
  csrfToken: string;
  /** Path and query of this page: the language switch returns here. */
  path: string;
}

export type NavKey =
  'tasks' | 'cycles' | 'schools' | 'transitions' | 'calendar' | 'letters' | 'admin';

export interface PageOptions {
  title: string;
  body: SafeHtml;
  nav?: NavKey;
  /** Prefixes the title with "Fout:" so screen reader users hear the problem first. */
  hasErrors?: boolean;
  /** A path on this site the browser moves on to at once (a meta refresh: no script needed). */
  refreshTo?: string;
}

export function csrfField(ctx: WebContext): SafeHtml {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${ctx.csrfToken}" />`;
}

function navigation(ctx: WebContext, current: NavKey | undefined): SafeHtml {
  const person = ctx.person;
  if (!person) return html``;
  // The office (secretariat, director) and administrators follow the cycles and read the master data.
  const office = person.roles.some((role) => READ_ROLES.includes(role));
  const items: { key: NavKey; href: string; label: string }[] = [
    { key: 'tasks', href: '/app/tasks', label: ctx.t.navTasks },
    ...(office ? [{ key: 'cycles' as const, href: '/app/cycles', label: ctx.t.navCycles }] : []),
    // ECT members and bestuurders read the accountability of their schools (the office reads
    // every school's).
    ...(!office && (person.roles.includes('ect_member') || person.isBestuurder === true)
      ? [{ key: 'schools' as const, href: '/app/my-schools', label: ctx.t.navSchools }]
      : []),
    // Schakeltrajecten: the office and the ECT see all (without pupils), schools and parents theirs.
    ...(office || person.roles.some((r) => ['ect_member', 'school_contact', 'parent'].includes(r))
      ? [{ key: 'transitions' as const, href: '/app/transitions', label: ctx.t.navTransitions }]
      : []),
    { key: 'calendar', href: '/app/calendar', label: ctx.t.navCalendar },
    // A bestuurder reads the board's allocation letters (the office finds them under Beheer).
    ...(!office && person.isBestuurder === true
      ? [{ key: 'letters' as const, href: '/app/letters', label: ctx.t.letters.title }]
      : []),
    ...(office ? [{ key: 'admin' as const, href: '/app/admin', label: ctx.t.navAdmin }] : []),
  ];
  return html`<nav class="main-nav" aria-label="${ctx.t.mainNav}">
    <ul>
      ${items.map(
        (item) =>
          html`<li>
            <a href="${item.href}" ${item.key === current ? html` aria-current="page"` : ''}
              >${item.label}</a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
}

function header(ctx: WebContext, current: NavKey | undefined): SafeHtml {
  const { t, person } = ctx;
  const other = t.switchTo;
  return html`<header class="site-header">
    <div class="bar">
      <p class="brand">
        <a href="/">${t.appName}</a
        >${person ? html`<span class="tenant">${person.organisation.name}</span>` : ''}
      </p>
      <div class="account">
        ${person ? html`<p class="who">${t.signedInAs(person.name)}</p>` : ''}
        ${
          ctx.csrfToken
            ? html`<form method="post" action="/lang" class="inline-form">
                ${csrfField(ctx)}
                <input type="hidden" name="lang" value="${other.locale}" />
                <input type="hidden" name="next" value="${ctx.path}" />
                <button
                  type="submit"
                  class="button-link"
                  lang="${other.locale}"
                  title="${other.hint}"
                >
                  ${other.label}
                </button>
              </form>`
            : ''
        }
        ${
          person
            ? html`<form method="post" action="/logout" class="inline-form">
                ${csrfField(ctx)}
                <button type="submit" class="button-link">${t.signOut}</button>
              </form>`
            : ''
        }
      </div>
    </div>
    ${navigation(ctx, current)}
  </header>`;
}

/** The one layout: skip link, header with tenant, person, navigation per role and sign-out, main landmark. */
export function page(ctx: WebContext, opts: PageOptions): string {
  const title = `${opts.hasErrors ? ctx.t.errorTitlePrefix : ''}${opts.title} – ${ctx.t.appName}`;
  return html`<!doctype html>
    <html lang="${ctx.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${title}</title>
        ${opts.refreshTo ? html`<meta http-equiv="refresh" content="0; url=${opts.refreshTo}" />` : ''}
        <link rel="stylesheet" href="${assetHref('css')}" />
        <script src="${assetHref('js')}" defer></script>
      </head>
      <body data-busy-text="${ctx.t.busy}">
        <a class="skip-link" href="#inhoud">${ctx.t.skipLink}</a>
        ${header(ctx, opts.nav)}
        <main id="inhoud" tabindex="-1">${opts.body}</main>
      </body>
    </html> `.toString();
}
