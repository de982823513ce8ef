import type { Body, Person, School, SchoolBoard } from '@jaarcyclus/persistence';
import type { MemberWithPerson } from '@jaarcyclus/api/bodies/bodies.service';
import { notice } from '../components';
import { html } from '../html';
import { page, type WebContext } from '../layout';
import { boardsSection } from './boards.pages';
import { bodiesSection } from './bodies.pages';
import { peopleSection } from './persons.pages';
import { schoolsSection } from './schools.pages';

export interface AdminData {
  boards: SchoolBoard[];
  schools: School[];
  persons: Person[];
  bodies: { body: Body; members: MemberWithPerson[] }[];
  canEdit: boolean;
  message: string | null;
}

/** "Beheer": the SWV's boards, schools, people and bodies, each in its own section. */
export function adminPage(ctx: WebContext, data: AdminData): string {
  const { t } = ctx;
  const names = new Map(data.persons.map((p) => [p.id, p.name]));
  const boardNames = new Map(data.boards.map((b) => [b.id, b.name]));
  return page(ctx, {
    title: t.adminTitle,
    nav: 'admin',
    body: html`<h1>${t.adminTitle}</h1>
      ${notice(data.message)}
      ${data.canEdit ? '' : html`<p class="notice notice--info">${t.readOnlyNote}</p>`}
      <p><a href="/app/admin/settings">${t.settingsTitle}</a></p>
      <p><a href="/app/admin/transitions">${t.tsLink}</a></p>
      ${data.canEdit ? html`<p><a href="/app/admin/import">${t.importLink}</a></p>` : ''}
      <nav class="sub-nav" aria-label="${t.adminSections}">
        <ul>
          <li><a href="#besturen">${t.boards}</a></li>
          <li><a href="#scholen">${t.schools}</a></li>
          <li><a href="#personen">${t.people}</a></li>
          <li><a href="#organen">${t.bodies}</a></li>
        </ul>
      </nav>
      ${boardsSection(ctx, data, names)} ${schoolsSection(ctx, data, names, boardNames)}
      ${peopleSection(ctx, data)} ${bodiesSection(ctx, data, names, boardNames)}`,
  });
}
