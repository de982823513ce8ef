import { formatMonth } from '@jaarcyclus/i18n';
import type {
  AgendaEntry,
  OfficeAgenda,
  OfficeOverview,
} from '@jaarcyclus/api/office/office.service';
import { periodOf } from '@jaarcyclus/api/support-plan/support-plan.service';
import type { CalendarFeed } from '@jaarcyclus/persistence';
import { notice, tableRegion } from '../components';
import { html, type SafeHtml } from '../html';
import { formatDate, formatDateTime, type Messages } from '../i18n';
import { page, type WebContext } from '../layout';
import { feedPanel } from './calendar.pages';

/** The page of a cycle, by kind and year (visitation: the programmes). */
export function cycleHref(kind: string | null, year: number | null): string {
  switch (kind) {
    case 'budget':
      return `/app/cycles/budget/${year}`;
    case 'accountability':
      return `/app/accountability/${year}`;
    case 'support_plan':
      return year === null ? '/app/cycles' : `/app/cycles/support-plan/${periodOf(year)}`;
    case 'ect_evaluation':
      return `/app/cycles/ect-evaluation/${year}`;
    case 'visitation':
      return '/app/visitations';
    default:
      return '/app/cycles';
  }
}

function kindName(t: Messages, kind: string | null): string {
  return t.of.cycleKind[kind ?? 'other'] ?? t.of.cycleKind['other']!;
}

/** The words of one agenda date, in the reader's language (the page and the feed). */
export function agendaSummary(t: Messages, entry: AgendaEntry): string {
  const cycle = entry.title ?? kindName(t, entry.cycleKind);
  switch (entry.what) {
    case 'visit':
      return t.ag.visit(entry.host ?? '', cycle);
    case 'letters':
      return t.ag.letters(cycle);
    default: {
      const kind = entry.taskKind ?? '';
      const taskName = (t.taskKind as Record<string, string>)[kind] ?? kind;
      return t.ag.deadline(taskName, cycle);
    }
  }
}

function when(ctx: WebContext, entry: AgendaEntry): SafeHtml {
  const at = new Date(entry.at);
  return html`<time datetime="${entry.at}"
    >${entry.what === 'visit' ? formatDate(ctx.locale, at) : formatDateTime(ctx.locale, at)}</time
  >`;
}

function progress(ctx: WebContext, entry: AgendaEntry): string {
  return entry.what === 'deadline' ? ctx.t.ag.openOfTotal(entry.open, entry.total) : '';
}

function section(id: string, title: string, body: SafeHtml): SafeHtml {
  return html`<section class="panel" aria-labelledby="${id}">
    <h2 id="${id}">${title}</h2>
    ${body}
  </section>`;
}

function list(items: SafeHtml[]): SafeHtml {
  return html`<ul class="plain-list">
    ${items.map((item) => html`<li>${item}</li>`)}
  </ul>`;
}

export function officeHomePage(
  ctx: WebContext,
  data: { overview: OfficeOverview; organisationName: string },
): string {
  const { t, locale } = ctx;
  const { overview } = data;
  const a = overview.attention;
  const date = (iso: string) => formatDateTime(locale, new Date(iso));

  const running = overview.running.length
    ? list(
        overview.running.map(
          (c) =>
            html`<a href="${cycleHref(c.kind, c.year)}">${c.title}</a>
              <span class="tag">${kindName(t, c.kind)}</span>
              <span>${t.of.status[c.status] ?? t.of.statusRunning}</span
              >${Object.keys(c.schools).length ? ' –' : ''}
              ${
                Object.keys(c.schools).length
                  ? html`<span class="muted"
                      >${t.of.schoolCounts}:
                      ${Object.entries(c.schools)
                        .map(([s, n]) => `${n} ${t.of.schoolStatus[s] ?? s}`)
                        .join(', ')}</span
                    >`
                  : ''
              }`,
        ),
      )
    : html`<p>${t.of.runningNone}</p>`;

  const programmes = overview.programmes.length
    ? section(
        'office-programmes',
        t.of.programmesTitle,
        list(
          overview.programmes.map(
            (p) =>
              html`<a href="/app/visitations/${p.id}">${p.title}</a> (${p.schoolYear}):
                ${t.of.programmeVisits(p.visitsOpen, p.visits)}`,
          ),
        ),
      )
    : html``;

  const transitions = section(
    'office-transitions',
    t.of.transitionsTitle,
    overview.transitions.open
      ? html`<p>
            <a href="/app/transitions">${t.of.transitionsOpen(overview.transitions.open)}</a>
          </p>
          ${list(
            Object.entries(overview.transitions.byPhase).map(
              ([phase, n]) =>
                html`${(t.trPhase as Record<string, string>)[phase] ?? phase}: ${String(n)}`,
            ),
          )}
          <p class="muted">${t.of.transitionsNote}</p>`
      : html`<p>${t.of.transitionsNone}</p>`,
  );

  const attention: SafeHtml[] = [];
  if (a.lateSchools.length) {
    attention.push(
      html`<h3>${t.of.lateSchoolsTitle}</h3>
        ${list(
          a.lateSchools.map(
            (s) =>
              html`<a href="/app/accountability/${s.year}/schools/${s.schoolId}"
                >${t.of.lateSchool(s.schoolName, s.year, s.daysLate)}</a
              >`,
          ),
        )}`,
    );
  }
  if (a.bodies.length) {
    attention.push(
      html`<h3>${t.of.bodiesTitle}</h3>
        ${list(
          a.bodies.map((b) => {
            const lapsed = b.deadline !== null && Date.parse(b.deadline) < Date.parse(overview.at);
            return html`<a href="${cycleHref(b.cycleKind, b.year)}"
                >${t.of.bodyNoQuorum(b.bodyName, b.cycleTitle, b.notVoted)}</a
              >${
                b.deadline
                  ? html`,
                    ${lapsed ? t.of.bodyLapsed(date(b.deadline)) : t.of.bodyDeadline(date(b.deadline))}`
                  : ''
              }`;
          }),
        )}`,
    );
  }
  if (a.escalations.length) {
    attention.push(
      html`<h3>${t.of.escalationsTitle}</h3>
        ${list(
          a.escalations.map(
            (b) =>
              html`<a href="${cycleHref(b.cycleKind, b.year)}"
                >${t.of.escalation(b.bodyName, b.cycleTitle, date(b.escalatedAt ?? overview.at))}</a
              >`,
          ),
        )}`,
    );
  }
  if (a.mail.refused > 0 || a.mail.retrying > 0) {
    attention.push(
      html`<h3>${t.of.mailTitle}</h3>
        ${a.mail.refused > 0 ? html`<p>${t.of.mailRefused(a.mail.refused)}</p>` : ''}
        ${list(a.mail.refusedRecent.map((m) => html`${t.of.mailRefusedItem(m.to, m.subject)}`))}
        ${a.mail.retrying > 0 ? html`<p>${t.of.mailRetrying(a.mail.retrying)}</p>` : ''}`,
    );
  }
  if (a.overdueTasks.length) {
    attention.push(
      html`<h3>${t.of.overdueTitle}</h3>
        ${list(
          a.overdueTasks.map(
            (o) =>
              html`<a href="${cycleHref(o.cycleKind, o.year)}"
                >${t.of.overdueItem(
                  (t.taskKind as Record<string, string>)[o.taskKind] ?? o.taskKind,
                  o.title ?? kindName(t, o.cycleKind),
                  o.count,
                  formatDate(locale, new Date(o.oldestDueAt)),
                )}</a
              >`,
          ),
        )}`,
    );
  }

  const next = overview.next.length
    ? list(
        overview.next.map(
          (e) =>
            html`${when(ctx, e)}:
              <a href="${cycleHref(e.cycleKind, e.year)}">${agendaSummary(t, e)}</a>
              ${e.what === 'deadline' ? html`<span class="muted">(${progress(ctx, e)})</span>` : ''}`,
        ),
      )
    : html`<p>${t.of.nextNone}</p>`;

  return page(ctx, {
    title: t.of.title,
    nav: 'office',
    body: html`<h1>${t.of.title}</h1>
      <p class="lead">${t.of.intro(data.organisationName)}</p>
      ${section(
        'office-attention',
        t.of.attentionTitle,
        attention.length ? html`${attention}` : html`<p>${t.of.attentionNone}</p>`,
      )}
      ${section('office-running', t.of.runningTitle, running)} ${programmes} ${transitions}
      ${section(
        'office-next',
        t.of.nextTitle,
        html`${next}
          <p><a href="/app/agenda">${t.of.toAgenda}</a></p>`,
      )}`,
  });
}

export function agendaPage(
  ctx: WebContext,
  data: {
    agenda: OfficeAgenda;
    /** The person's year agenda feed (its own token, not the personal feed's). */
    feed: CalendarFeed | null;
    /** Right after a new agenda link was made: its URL, shown this once. */
    newFeedUrl: string | null;
    message: string | null;
  },
): string {
  const { t, locale } = ctx;
  const months = new Map<string, AgendaEntry[]>();
  for (const entry of data.agenda.entries) {
    const month = formatMonth(locale, new Date(entry.at));
    months.set(month, [...(months.get(month) ?? []), entry]);
  }
  const monthSections = [...months.entries()].map(([month, entries], i) => {
    const id = `agenda-month-${i}`;
    return html`<section aria-labelledby="${id}">
      <h2 id="${id}">${month}</h2>
      ${tableRegion(
        month,
        html`<table>
          <thead>
            <tr>
              <th scope="col">${t.ag.dateColumn}</th>
              <th scope="col">${t.ag.whatColumn}</th>
            </tr>
          </thead>
          <tbody>
            ${entries.map(
              (e) =>
                html`<tr>
                  <td>${when(ctx, e)}</td>
                  <td>
                    <a href="${cycleHref(e.cycleKind, e.year)}">${agendaSummary(t, e)}</a>
                    ${
                      e.what === 'deadline'
                        ? html`<br /><span class="muted">${progress(ctx, e)}</span>`
                        : ''
                    }
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>`,
      )}
    </section>`;
  });
  return page(ctx, {
    title: t.ag.title,
    nav: 'agenda',
    body: html`<h1>${t.ag.title}</h1>
      ${notice(data.message)}
      <p class="lead">${t.ag.intro}</p>
      ${monthSections.length ? html`${monthSections}` : html`<p class="panel">${t.ag.empty}</p>`}
      <section class="panel" aria-labelledby="agenda-feed">
        <h2 id="agenda-feed">${t.ag.feedTitle}</h2>
        <p>${t.ag.feedIntro}</p>
        <p class="muted">${t.ag.feedNote}</p>
        ${feedPanel(ctx, {
          feed: data.feed,
          newFeedUrl: data.newFeedUrl,
          action: '/app/agenda/feed',
          idPrefix: 'agenda-feed',
          headingLevel: 3,
          texts: {
            create: t.ag.feedCreate,
            regenerate: t.ag.feedRegenerate,
            urlLabel: t.ag.feedUrlLabel,
          },
        })}
      </section>`,
  });
}
