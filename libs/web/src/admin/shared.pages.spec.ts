import { html } from '../html';
import { webContext } from '../testing/web-context';
import { deletePage, entityPage, type EntityPageOptions } from './shared.pages';

const options = (o: Partial<EntityPageOptions> = {}): EntityPageOptions => ({
  kind: 'schools',
  row: { id: 'id-1', name: 'Stadsring College' },
  canEdit: true,
  addTitle: 'School toevoegen',
  editTitle: 'School wijzigen',
  errors: [],
  labels: { name: 'Naam' },
  fields: html`<input name="name" />`,
  details: html`<dt>Naam</dt>
    <dd>Stadsring College</dd>`,
  ...o,
});

describe('the page of one board, school or person', () => {
  const ctx = webContext({ roles: ['admin'] });

  it('gives an administrator the form, posting to the record, with the way to delete it', () => {
    const page = entityPage(ctx, options());
    expect(page).toContain('<h1>School wijzigen</h1>');
    expect(page).toContain('action="/app/admin/schools/id-1"');
    expect(page).toContain('<input type="hidden" name="_csrf" value="csrf-token" />');
    expect(page).toContain('<input name="name" />');
    expect(page).toContain('<a href="/app/admin#scholen">Annuleren</a>');
    expect(page).toContain('href="/app/admin/schools/id-1/delete"');
    expect(page).not.toContain('<dd>Stadsring College</dd>');
  });

  it('adds a record with a form posting to the kind, without a way to delete', () => {
    const page = entityPage(ctx, options({ row: null, kind: 'persons' }));
    expect(page).toContain('<h1>School toevoegen</h1>');
    expect(page).toContain('action="/app/admin/persons"');
    expect(page).toContain('<a href="/app/admin#personen">');
    expect(page).not.toContain('delete-link');
  });

  it('shows who may only read the details under the record’s name, without form or delete', () => {
    const page = entityPage(webContext({ roles: ['director'] }), options({ canEdit: false }));
    expect(page).toContain('<h1>Stadsring College</h1>');
    expect(page).toMatch(
      /<dl class="details panel">\s*<dt>Naam<\/dt>\s*<dd>Stadsring College<\/dd>\s*<\/dl>/,
    );
    expect(page).toContain('Alleen een beheerder kan ze wijzigen.');
    expect(page).not.toContain('<form\n');
    expect(page).not.toContain('delete-link');
  });

  it('names the problem in the title and links each error to its field', () => {
    const page = entityPage(
      ctx,
      options({ errors: [{ field: 'name', message: 'name must not be empty' }] }),
    );
    expect(page).toMatch(/<title>Fout: School wijzigen/);
    expect(page).toContain('<a href="#field-name">Naam: ');
  });
});

describe('the confirmation before deleting', () => {
  const ctx = webContext({ roles: ['admin'] });

  it('posts to the delete route and leads back to the record', () => {
    const page = deletePage(ctx, { kind: 'boards', id: 'b-1', name: 'Stichting X', refusal: null });
    expect(page).toContain('action="/app/admin/boards/b-1/delete"');
    expect(page).toContain('<a href="/app/admin/boards/b-1">Stichting X</a>');
    expect(page).not.toContain('role="alert"');
  });

  it('shows a refusal, and for a person the alternative of making them inactive', () => {
    const refusal = 'Dit is nog in gebruik.';
    const person = deletePage(ctx, { kind: 'persons', id: 'p-1', name: 'A', refusal });
    const board = deletePage(ctx, { kind: 'boards', id: 'b-1', name: 'B', refusal });
    expect(person).toContain(`<p>${refusal}</p>`);
    expect(person).toContain(`<p>${ctx.t.del.personInstead}</p>`);
    expect(board).not.toContain(ctx.t.del.personInstead);
    expect(person).toMatch(/<title>Fout: /);
  });
});
