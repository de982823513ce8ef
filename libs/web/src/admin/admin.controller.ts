import {
  Controller,
  Get,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type {
  AuthenticatedPerson,
  AuthenticatedRequest,
} from '@jaarcyclus/api/auth/authenticated-person';
import { CurrentPerson, READ_ROLES, Roles, WRITE_ROLES } from '@jaarcyclus/api/auth/decorators';
import { BoardsService } from '@jaarcyclus/api/boards/boards.service';
import { BodiesService } from '@jaarcyclus/api/bodies/bodies.service';
import { PersonsService } from '@jaarcyclus/api/persons/persons.service';
import { SchoolsService } from '@jaarcyclus/api/schools/schools.service';
import { CsrfGuard } from '../csrf';
import { fieldErrorText, refusalAsFieldErrors } from '../forms';
import type { WebContext } from '../layout';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPages } from '../web-pages';
import { adminPage } from './admin.pages';
import { listQueries, pageOfList } from './list-query';
import { canEdit, uuid } from './shared.controller';
import { ADMIN_SECTIONS, deletePage, type AdminKind } from './shared.pages';

/** What deleting needs of each kind's service: its name, and the delete itself. */
interface Deletable {
  get(organisationId: string, id: string): Promise<{ name: string }>;
  remove(organisationId: string, id: string): Promise<void>;
}

/**
 * The SWV's master data ("Beheer", /app/admin): the overview of boards, schools, people and
 * bodies, and deleting any of them. Reading: office and administrators (READ_ROLES); changing:
 * administrators (WRITE_ROLES), exactly as the JSON api. Validation, tenant checks and the
 * database's refusals come from the api's own services and DTOs. The pages of each kind:
 * BoardsAdminController, SchoolsAdminController, PersonsAdminController, BodiesAdminController,
 * SettingsAdminController.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/admin')
export class AdminController {
  private readonly deletable: Record<AdminKind, Deletable>;

  constructor(
    private readonly pages: WebPages,
    private readonly boards: BoardsService,
    private readonly schools: SchoolsService,
    private readonly persons: PersonsService,
    private readonly bodies: BodiesService,
  ) {
    this.deletable = { boards, schools, persons, bodies };
  }

  @Get()
  @Roles(...READ_ROLES)
  async overview(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Query('added') added: unknown,
    @Query('saved') saved: unknown,
    @Query('deleted') deleted: unknown,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const org = me.organisationId;
    const [boards, schools, persons, bodies] = await Promise.all([
      this.boards.list(org),
      this.schools.list(org),
      this.persons.list(org),
      this.bodies.list(org),
    ]);
    const ctx = this.pages.context(req, res);
    const { t } = ctx;
    const queries = listQueries(query);
    const boardNames = new Map(boards.map((b) => [b.id, b.name]));
    const bodiesPage = pageOfList('bodies', bodies, queries.bodies, (b) => [b.name, b.key]);
    // Members only of the bodies shown.
    const withMembers = await Promise.all(
      bodiesPage.rows.map(async (body) => ({
        body,
        members: await this.bodies.listMembers(org, body.id),
      })),
    );
    const named = (id: unknown): string | null => boards.find((b) => b.id === id)?.name ?? null;
    const addedName = named(added);
    const savedName = named(saved);
    const school = (id: unknown) => schools.find((x) => x.id === id);
    const person = (id: unknown) => persons.find((x) => x.id === id);
    const otherMessage = school(added)
      ? ctx.t.schoolAdded(school(added)!.name)
      : school(saved)
        ? ctx.t.schoolSaved(school(saved)!.name)
        : person(added)
          ? ctx.t.personAdded(person(added)!.name)
          : person(saved)
            ? ctx.t.personSaved(person(saved)!.name)
            : null;
    this.pages.send(
      res,
      200,
      adminPage(ctx, {
        boards,
        boardsPage: pageOfList('boards', boards, queries.boards, (b) => [b.name]),
        schoolsPage: pageOfList('schools', schools, queries.schools, (s) => [
          s.name,
          s.brin ?? '',
          boardNames.get(s.boardId) ?? '',
        ]),
        persons,
        personsPage: pageOfList('persons', persons, queries.persons, (p) => [
          p.name,
          p.email,
          ...p.roles.map((r) => t.role[r]),
        ]),
        bodiesPage: { ...bodiesPage, rows: withMembers },
        queries,
        canEdit: canEdit(me),
        message: addedName
          ? ctx.t.boardAdded(addedName)
          : savedName
            ? ctx.t.boardSaved(savedName)
            : (otherMessage ?? deletedMessage(ctx, deleted)),
      }),
    );
  }

  /** "Are you sure?" before deleting a board, school, person or body (administrators only). */
  @Get(':kind/:id/delete')
  @Roles(...WRITE_ROLES)
  async confirmDelete(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('kind') kind: string,
    @Param('id') id: string,
  ): Promise<void> {
    const target = await this.target(me, kind, id);
    const ctx = this.pages.context(req, res);
    // A board or school still in use is said at once, with what uses it, and offers no button.
    const used = await this.usedBy(me, target);
    const inUse = used.people.length + used.schools.length > 0;
    this.pages.send(
      res,
      200,
      deletePage(ctx, {
        ...target,
        refusal:
          inUse && target.kind !== 'persons' && target.kind !== 'bodies'
            ? ctx.t.inUse[target.kind]
            : null,
        usedBy: used.people,
        usedBySchools: used.schools,
      }),
    );
  }

  /**
   * Deletes through the same service as DELETE /api/<kind>/:id; a record still in use is
   * refused by the database (409), shown on the confirmation page in the reader's language.
   */
  @Post(':kind/:id/delete')
  @Roles(...WRITE_ROLES)
  @UseGuards(CsrfGuard)
  async delete(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('kind') kind: string,
    @Param('id') id: string,
  ): Promise<void> {
    const target = await this.target(me, kind, id);
    const ctx = this.pages.context(req, res, `/app/admin/${target.kind}/${target.id}/delete`);
    try {
      await this.deletable[target.kind].remove(me.organisationId, target.id);
    } catch (err) {
      const [refusal] = refusalAsFieldErrors(err);
      const message = fieldErrorText(ctx.locale, refusal!);
      const used = await this.usedBy(me, target);
      return this.pages.send(
        res,
        409,
        deletePage(ctx, {
          ...target,
          refusal: message,
          usedBy: used.people,
          usedBySchools: used.schools,
        }),
      );
    }
    this.pages.redirect(res, `/app/admin?deleted=${target.kind}#${ADMIN_SECTIONS[target.kind]}`);
  }

  /**
   * What keeps a board or school in use, named on the refusal: the people linked to it, and a
   * board's schools. (Other uses, such as a cycle's history, are the database's refusal.)
   */
  private async usedBy(
    me: AuthenticatedPerson,
    target: { kind: AdminKind; id: string },
  ): Promise<{ people: string[]; schools: string[] }> {
    if (target.kind !== 'boards' && target.kind !== 'schools') return { people: [], schools: [] };
    const [people, schools] = await Promise.all([
      this.persons.list(me.organisationId),
      target.kind === 'boards' ? this.schools.list(me.organisationId) : Promise.resolve([]),
    ]);
    return {
      people: people
        .filter((p) => (target.kind === 'boards' ? p.boardId : p.schoolId) === target.id)
        .map((p) => p.name),
      schools: schools.filter((s) => s.boardId === target.id).map((s) => s.name),
    };
  }

  /** The record `kind`/`id` of the SWV with its name; 404 for another SWV's or an unknown one. */
  private async target(
    me: AuthenticatedPerson,
    kind: string,
    id: string,
  ): Promise<{ kind: AdminKind; id: string; name: string }> {
    const key = uuid(id);
    if (!isAdminKind(kind)) throw new NotFoundException();
    return { kind, id: key, name: (await this.deletable[kind].get(me.organisationId, key)).name };
  }
}

function isAdminKind(kind: string): kind is AdminKind {
  return Object.hasOwn(ADMIN_SECTIONS, kind);
}

/** The notice after a delete (`?deleted=<kind>`); the kind only, never a name from the url. */
function deletedMessage(ctx: WebContext, deleted: unknown): string | null {
  return typeof deleted === 'string' && isAdminKind(deleted) ? ctx.t.del.deleted[deleted] : null;
}
