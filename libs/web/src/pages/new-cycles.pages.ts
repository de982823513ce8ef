import type { Cycle } from '@jaarcyclus/persistence';
import { SUPPORT_PLAN_YEARS } from '@jaarcyclus/workflows';
import { tableRegion } from '../components';
import { html, type SafeHtml } from '../html';
import { formatDate } from '../i18n';
import type { WebContext } from '../layout';

/** The support-plan and ECT evaluation cycles on the cycles page (Cycle rows of their kinds). */
export function newCyclesSections(
  ctx: WebContext,
  data: { supportPlan: Cycle[]; ect: Cycle[] },
): SafeHtml {
  const { t } = ctx;
  const table = (
    label: string,
    head: string,
    rows: { key: string; href: string; title: string; status: string; updatedAt: Date }[],
  ): SafeHtml =>
    tableRegion(
      label,
      html`<table>
        <thead>
          <tr>
            <th scope="col">${head}</th>
            <th scope="col">${t.cycleTitle}</th>
            <th scope="col">${t.phase}</th>
            <th scope="col">${t.lastUpdated}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr>
                <td>${r.key}</td>
                <th scope="row"><a href="${r.href}">${r.title}</a></th>
                <td>${r.status}</td>
                <td>
                  <time datetime="${r.updatedAt.toISOString()}"
                    >${formatDate(ctx.locale, r.updatedAt)}</time
                  >
                </td>
              </tr>`,
          )}
        </tbody>
      </table>`,
    );
  return html`<section aria-labelledby="support-plan-cycles">
      <h2 id="support-plan-cycles">${t.sp.cyclesSection}</h2>
      ${
        data.supportPlan.length === 0
          ? html`<p class="muted">${t.noFinishedCycles}</p>`
          : table(
              t.sp.cyclesSection,
              t.sp.period,
              data.supportPlan.map((c) => ({
                key: t.sp.periodText(c.year, c.year + SUPPORT_PLAN_YEARS),
                href: `/app/cycles/support-plan/${c.year}-${c.year + SUPPORT_PLAN_YEARS}`,
                title: c.title,
                status: t.sp.phaseName[c.status] ?? t.phaseUnknown,
                updatedAt: c.updatedAt,
              })),
            )
      }
    </section>
    <section aria-labelledby="ect-cycles">
      <h2 id="ect-cycles">${t.ectEval.cyclesSection}</h2>
      ${
        data.ect.length === 0
          ? html`<p class="muted">${t.noFinishedCycles}</p>`
          : table(
              t.ectEval.cyclesSection,
              t.ectEval.year,
              data.ect.map((c) => ({
                key: String(c.year),
                href: `/app/cycles/ect-evaluation/${c.year}`,
                title: c.title || t.ectEval.title(c.year),
                status: t.ectEval.phaseName[c.status] ?? t.phaseUnknown,
                updatedAt: c.updatedAt,
              })),
            )
      }
    </section>`;
}

/**
 * What the ECT members and the schools agreed for `year` in the evaluation of the year before
 * (docs/domain.md, source 001 §7.4), beside that year's accountability overview.
 */
export function agreementsSection(
  ctx: WebContext,
  year: number,
  rows: readonly { schoolId: string; schoolName: string }[],
  agreements: ReadonlyMap<string, string>,
): SafeHtml {
  const { t } = ctx;
  const shown = rows.filter((r) => agreements.has(r.schoolId));
  return html`<section aria-labelledby="ect-agreements">
    <h2 id="ect-agreements">${t.ectEval.agreementsFromEvaluation(year - 1)}</h2>
    ${
      shown.length === 0
        ? html`<p class="muted">${t.ectEval.noAgreements}</p>`
        : html`<dl class="details">
            ${shown.map(
              (r) =>
                html`<dt>${r.schoolName}</dt>
                  <dd class="review-comments">${agreements.get(r.schoolId) ?? ''}</dd>`,
            )}
          </dl>`
    }
  </section>`;
}
