import {
  Body,
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
import {
  DEFAULT_ACCOUNTABILITY_REMINDER_POLICY,
  DEFAULT_REMINDER_POLICY,
  DomainError,
  eurosToCents,
} from '@jaarcyclus/domain';
import { DEFAULT_OPR_DISPUTE_AFTER_ROUNDS } from '@jaarcyclus/workflows';
import type { Body as GoverningBody, Person, School, SchoolBoard } from '@jaarcyclus/persistence';
import { isUUID } from 'class-validator';
import type { Response } from 'express';
import type { AuthenticatedPerson, AuthenticatedRequest } from '@jaarcyclus/api/auth/authenticated-person';
import { CurrentPerson, READ_ROLES, Roles, WRITE_ROLES } from '@jaarcyclus/api/auth/decorators';
import { BoardsService } from '@jaarcyclus/api/boards/boards.service';
import { CreateBoardDto, UpdateBoardDto } from '@jaarcyclus/api/boards/dto/board.dto';
import { BodiesService } from '@jaarcyclus/api/bodies/bodies.service';
import { AddBodyMemberDto, UpdateBodyDto } from '@jaarcyclus/api/bodies/dto/body.dto';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { CreatePersonDto, UpdatePersonDto } from '@jaarcyclus/api/persons/dto/person.dto';
import { PersonsService } from '@jaarcyclus/api/persons/persons.service';
import { CreateSchoolDto, UpdateSchoolDto } from '@jaarcyclus/api/schools/dto/school.dto';
import { OrganisationService } from '@jaarcyclus/api/organisation/organisation.service';
import { SchoolsService } from '@jaarcyclus/api/schools/schools.service';
import { CsrfGuard } from '../csrf';
import {
  formFields,
  localiseFieldMessage,
  optionalId,
  refusalAsFieldErrors,
  text,
  validateForm,
  wholeNumber,
} from '../forms';
import { formatAmount } from '../i18n';
import {
  ADMIN_SECTIONS,
  adminPage,
  boardPage,
  deletePage,
  type AdminKind,
  bodyPage,
  BODY_FIELDS,
  personPage,
  schoolPage,
  type BoardFormState,
  type BodyField,
  type BodyFormState,
  type MemberFormState,
  type PersonFormState,
  type SchoolFormState,
  settingsPage,
} from '../pages/admin.pages';
import { postedSettings, settingsValues, validateSettingsForm, type SettingsValues } from '../settings-form';
import type { WebContext } from '../layout';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPages } from '../web-pages';

/**
 * The SWV's master data. Reading: office and administrators (READ_ROLES); changing:
 * administrators (WRITE_ROLES), exactly as the JSON api. Validation, tenant checks and the
 * database's refusals come from the api's own services and DTOs.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/admin')
export class AdminController {
  constructor(
    private readonly pages: WebPages,
    private readonly boards: BoardsService,
    private readonly schools: SchoolsService,
    private readonly persons: PersonsService,
    private readonly bodies: BodiesService,
    private readonly organisation: OrganisationService,
  ) {}

  @Get('settings')
  @Roles(...READ_ROLES)
  async settings(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Query('saved') saved: unknown,
  ): Promise<void> {
    const ctx = this.pages.context(req, res);
    const organisation = await this.organisation.get(me.organisationId);
    this.sendSettings(ctx, res, me, 200, settingsValues(organisation.settings ?? {}), [], saved === '1' ? ctx.t.settingsSaved : null);
  }

  /** Through the same service and DTO as PATCH /api/organisation; an empty field restores the default. */
  @Post('settings')
  @Roles(...WRITE_ROLES)
  @UseGuards(CsrfGuard)
  async saveSettings(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const ctx = this.pages.context(req, res, '/app/admin/settings');
    const values = postedSettings(body);
    const input = await validateSettingsForm(values);
    if (!input.ok) return this.sendSettings(ctx, res, me, 422, values, input.errors, null);
    await this.organisation.update(me.organisationId, input.value);
    this.pages.redirect(res, '/app/admin/settings?saved=1');
  }

  private sendSettings(
    ctx: WebContext,
    res: Response,
    me: AuthenticatedPerson,
    status: number,
    values: SettingsValues,
    errors: FieldError[],
    message: string | null,
  ): void {
    this.pages.send(
      res,
      status,
      settingsPage(ctx, {
        values,
        errors,
        canEdit: canEdit(me),
        message,
        defaults: {
          budget: [...DEFAULT_REMINDER_POLICY.offsetsBusinessDays],
          accountability: [...DEFAULT_ACCOUNTABILITY_REMINDER_POLICY.offsetsBusinessDays],
          oprDisputeAfterRounds: DEFAULT_OPR_DISPUTE_AFTER_ROUNDS,
        },
      }),
    );
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
  ): Promise<void> {
    const org = me.organisationId;
    const [boards, schools, persons, bodies] = await Promise.all([
      this.boards.list(org),
      this.schools.list(org),
      this.persons.list(org),
      this.bodies.list(org),
    ]);
    const withMembers = await Promise.all(
      bodies.map(async (body) => ({ body, members: await this.bodies.listMembers(org, body.id) })),
    );
    const ctx = this.pages.context(req, res);
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
        schools,
        persons,
        bodies: withMembers,
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
    const target = await this.deletable(me, kind, id);
    this.pages.send(res, 200, deletePage(this.pages.context(req, res), { ...target, refusal: null }));
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
    const target = await this.deletable(me, kind, id);
    const ctx = this.pages.context(req, res, `/app/admin/${target.kind}/${target.id}/delete`);
    const org = me.organisationId;
    try {
      if (target.kind === 'boards') await this.boards.remove(org, target.id);
      else if (target.kind === 'schools') await this.schools.remove(org, target.id);
      else if (target.kind === 'persons') await this.persons.remove(org, target.id);
      else await this.bodies.remove(org, target.id);
    } catch (err) {
      const [refusal] = refusalAsFieldErrors(err);
      const message = localiseFieldMessage(ctx.locale, refusal!.message);
      return this.pages.send(res, 409, deletePage(ctx, { ...target, refusal: message }));
    }
    this.pages.redirect(res, `/app/admin?deleted=${target.kind}#${ADMIN_SECTIONS[target.kind]}`);
  }

  /** The record `kind`/`id` of the SWV with its name; 404 for another SWV's or an unknown one. */
  private async deletable(
    me: AuthenticatedPerson,
    kind: string,
    id: string,
  ): Promise<{ kind: AdminKind; id: string; name: string }> {
    const org = me.organisationId;
    const key = uuid(id);
    switch (kind) {
      case 'boards':
        return { kind, id: key, name: (await this.boards.get(org, key)).name };
      case 'schools':
        return { kind, id: key, name: (await this.schools.get(org, key)).name };
      case 'persons':
        return { kind, id: key, name: (await this.persons.get(org, key)).name };
      case 'bodies':
        return { kind, id: key, name: (await this.bodies.get(org, key)).name };
      default:
        throw new NotFoundException();
    }
  }

  @Get('boards/new')
  @Roles(...WRITE_ROLES)
  async newBoard(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderBoard(req, res, me, null, emptyForm(), 200);
  }

  @Get('boards/:id')
  @Roles(...READ_ROLES)
  async board(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') id: string,
  ): Promise<void> {
    const board = await this.boards.get(me.organisationId, uuid(id));
    await this.renderBoard(req, res, me, board, formOf(board), 200);
  }

  @Post('boards')
  @Roles(...WRITE_ROLES)
  @UseGuards(CsrfGuard)
  async createBoard(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const form = postedForm(body);
    const input = await validateForm(CreateBoardDto, boardInput(form));
    if (!input.ok)
      return this.renderBoard(req, res, me, null, { ...form, errors: input.errors }, 422);
    let created: SchoolBoard;
    try {
      created = await this.boards.create(me.organisationId, input.value);
    } catch (err) {
      return this.renderBoard(
        req,
        res,
        me,
        null,
        { ...form, errors: refusalAsFieldErrors(err) },
        422,
      );
    }
    this.pages.redirect(res, `/app/admin?added=${created.id}#besturen`);
  }

  @Post('boards/:id')
  @Roles(...WRITE_ROLES)
  @UseGuards(CsrfGuard)
  async updateBoard(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const board = await this.boards.get(me.organisationId, uuid(id));
    const form = postedForm(body);
    const input = await validateForm(UpdateBoardDto, boardInput(form));
    if (!input.ok)
      return this.renderBoard(req, res, me, board, { ...form, errors: input.errors }, 422);
    try {
      await this.boards.update(me.organisationId, board.id, input.value);
    } catch (err) {
      return this.renderBoard(
        req,
        res,
        me,
        board,
        { ...form, errors: refusalAsFieldErrors(err) },
        422,
      );
    }
    this.pages.redirect(res, `/app/admin?saved=${board.id}#besturen`);
  }

  @Get('schools/new')
  @Roles(...WRITE_ROLES)
  async newSchool(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderSchool(req, res, me, null, emptySchoolForm(), 200);
  }

  @Get('schools/:id')
  @Roles(...READ_ROLES)
  async school(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') id: string,
  ): Promise<void> {
    const school = await this.schools.get(me.organisationId, uuid(id));
    await this.renderSchool(req, res, me, school, schoolFormOf(school), 200);
  }

  @Post('schools')
  @Roles(...WRITE_ROLES)
  @UseGuards(CsrfGuard)
  async createSchool(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const form = postedSchoolForm(body);
    const refused = (errors: FieldError[]) =>
      this.renderSchool(req, res, me, null, { ...form, errors }, 422);
    const input = await validateSchool(CreateSchoolDto, form);
    if (!input.ok) return refused(input.errors);
    let created: School;
    try {
      created = await this.schools.create(me.organisationId, input.value);
    } catch (err) {
      return refused(schoolRefusal(err));
    }
    this.pages.redirect(res, `/app/admin?added=${created.id}#scholen`);
  }

  @Post('schools/:id')
  @Roles(...WRITE_ROLES)
  @UseGuards(CsrfGuard)
  async updateSchool(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const school = await this.schools.get(me.organisationId, uuid(id));
    const form = postedSchoolForm(body);
    const refused = (errors: FieldError[]) =>
      this.renderSchool(req, res, me, school, { ...form, errors }, 422);
    const input = await validateSchool(UpdateSchoolDto, form);
    if (!input.ok) return refused(input.errors);
    try {
      await this.schools.update(me.organisationId, school.id, input.value);
    } catch (err) {
      return refused(schoolRefusal(err));
    }
    this.pages.redirect(res, `/app/admin?saved=${school.id}#scholen`);
  }

  @Get('persons/new')
  @Roles(...WRITE_ROLES)
  async newPerson(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderPerson(req, res, me, null, emptyPersonForm(), 200);
  }

  @Get('persons/:id')
  @Roles(...READ_ROLES)
  async person(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') id: string,
  ): Promise<void> {
    const person = await this.persons.get(me.organisationId, uuid(id));
    await this.renderPerson(req, res, me, person, personFormOf(person), 200);
  }

  @Post('persons')
  @Roles(...WRITE_ROLES)
  @UseGuards(CsrfGuard)
  async createPerson(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const form = postedPersonForm(body);
    const refused = (errors: FieldError[]) =>
      this.renderPerson(req, res, me, null, { ...form, errors }, 422);
    const input = await validateForm(CreatePersonDto, personInput(form));
    if (!input.ok) return refused(input.errors);
    let created: Person;
    try {
      created = await this.persons.create(me.organisationId, input.value);
    } catch (err) {
      return refused(refusalAsFieldErrors(err));
    }
    this.pages.redirect(res, `/app/admin?added=${created.id}#personen`);
  }

  @Post('persons/:id')
  @Roles(...WRITE_ROLES)
  @UseGuards(CsrfGuard)
  async updatePerson(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const person = await this.persons.get(me.organisationId, uuid(id));
    const form = postedPersonForm(body);
    const refused = (errors: FieldError[]) =>
      this.renderPerson(req, res, me, person, { ...form, errors }, 422);
    const input = await validateForm(UpdatePersonDto, personInput(form));
    if (!input.ok) return refused(input.errors);
    try {
      await this.persons.update(me.organisationId, person.id, input.value);
    } catch (err) {
      return refused(refusalAsFieldErrors(err));
    }
    this.pages.redirect(res, `/app/admin?saved=${person.id}#personen`);
  }

  @Get('bodies/:id')
  @Roles(...READ_ROLES)
  async body(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Query('done') done: unknown,
  ): Promise<void> {
    const body = await this.bodies.get(me.organisationId, uuid(id));
    await this.renderBody(req, res, me, body, {
      form: bodyFormOf(body),
      memberForm: emptyMemberForm(),
      done: typeof done === 'string' ? done : null,
    });
  }

  @Post('bodies/:id')
  @Roles(...WRITE_ROLES)
  @UseGuards(CsrfGuard)
  async updateBody(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Body() posted: Record<string, unknown>,
  ): Promise<void> {
    const body = await this.bodies.get(me.organisationId, uuid(id));
    const values = postedBodyValues(posted);
    const refused = (errors: FieldError[]) =>
      this.renderBody(req, res, me, body, {
        form: { values, errors },
        memberForm: emptyMemberForm(),
        status: 422,
      });
    const input = await validateForm(UpdateBodyDto, bodyInput(values));
    if (!input.ok) return refused(input.errors);
    try {
      await this.bodies.update(me.organisationId, body.id, input.value);
    } catch (err) {
      return refused(refusalAsFieldErrors(err));
    }
    this.pages.redirect(res, `/app/admin/bodies/${body.id}?done=saved`);
  }

  @Post('bodies/:id/members')
  @Roles(...WRITE_ROLES)
  @UseGuards(CsrfGuard)
  async addBodyMember(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Body() posted: Record<string, unknown>,
  ): Promise<void> {
    const body = await this.bodies.get(me.organisationId, uuid(id));
    const fields = formFields(posted);
    const memberForm: MemberFormState = {
      personId: text(fields, 'personId'),
      boardId: text(fields, 'boardId'),
      errors: [],
    };
    const refused = (errors: FieldError[]) =>
      this.renderBody(req, res, me, body, {
        form: bodyFormOf(body),
        memberForm: { ...memberForm, errors },
        status: 422,
      });
    const input = await validateForm(AddBodyMemberDto, {
      personId: memberForm.personId.trim(),
      boardId: optionalId(memberForm.boardId),
    });
    if (!input.ok) return refused(input.errors);
    try {
      await this.bodies.addMember(me.organisationId, body.id, input.value);
    } catch (err) {
      return refused(refusalAsFieldErrors(err));
    }
    this.pages.redirect(
      res,
      `/app/admin/bodies/${body.id}?done=added&person=${encodeURIComponent(input.value.personId)}#leden`,
    );
  }

  @Post('bodies/:id/members/:memberId/remove')
  @Roles(...WRITE_ROLES)
  @UseGuards(CsrfGuard)
  async removeBodyMember(
    @CurrentPerson() me: AuthenticatedPerson,
    @Res() res: Response,
    @Param('id') id: string,
    @Param('memberId') memberId: string,
  ): Promise<void> {
    const body = await this.bodies.get(me.organisationId, uuid(id));
    await this.bodies.removeMember(me.organisationId, body.id, uuid(memberId));
    this.pages.redirect(res, `/app/admin/bodies/${body.id}?done=removed#leden`);
  }

  private async renderBody(
    req: AuthenticatedRequest,
    res: Response,
    me: AuthenticatedPerson,
    body: GoverningBody,
    state: {
      form: BodyFormState;
      memberForm: MemberFormState;
      status?: number;
      done?: string | null;
    },
  ): Promise<void> {
    const org = me.organisationId;
    const [members, persons, boards] = await Promise.all([
      this.bodies.listMembers(org, body.id),
      this.persons.list(org),
      this.boards.list(org),
    ]);
    const ctx = this.pages.context(req, res, `/app/admin/bodies/${body.id}`);
    const personId = req.query.person;
    const added = persons.find((p) => p.id === personId)?.name;
    const message =
      state.done === 'saved'
        ? ctx.t.bodySaved(body.name)
        : state.done === 'added' && added
          ? ctx.t.memberAdded(added)
          : state.done === 'removed'
            ? ctx.t.memberRemoved
            : null;
    this.pages.send(
      res,
      state.status ?? 200,
      bodyPage(ctx, {
        body,
        members,
        persons,
        boards,
        canEdit: canEdit(me),
        form: state.form,
        memberForm: state.memberForm,
        message,
      }),
    );
  }

  private async renderSchool(
    req: AuthenticatedRequest,
    res: Response,
    me: AuthenticatedPerson,
    school: School | null,
    form: SchoolFormState,
    status: number,
  ): Promise<void> {
    const [boards, persons] = await Promise.all([
      this.boards.list(me.organisationId),
      this.persons.list(me.organisationId),
    ]);
    const path = school ? `/app/admin/schools/${school.id}` : '/app/admin/schools/new';
    this.pages.send(
      res,
      status,
      schoolPage(this.pages.context(req, res, path), {
        school,
        boards,
        persons,
        canEdit: canEdit(me),
        form,
      }),
    );
  }

  private async renderPerson(
    req: AuthenticatedRequest,
    res: Response,
    me: AuthenticatedPerson,
    person: Person | null,
    form: PersonFormState,
    status: number,
  ): Promise<void> {
    const [boards, schools] = await Promise.all([
      this.boards.list(me.organisationId),
      this.schools.list(me.organisationId),
    ]);
    const path = person ? `/app/admin/persons/${person.id}` : '/app/admin/persons/new';
    this.pages.send(
      res,
      status,
      personPage(this.pages.context(req, res, path), {
        person,
        boards,
        schools,
        canEdit: canEdit(me),
        form,
      }),
    );
  }

  private async renderBoard(
    req: AuthenticatedRequest,
    res: Response,
    me: AuthenticatedPerson,
    board: SchoolBoard | null,
    form: BoardFormState,
    status: number,
  ): Promise<void> {
    const persons = await this.persons.list(me.organisationId);
    const path = board ? `/app/admin/boards/${board.id}` : '/app/admin/boards/new';
    this.pages.send(
      res,
      status,
      boardPage(this.pages.context(req, res, path), { board, persons, canEdit: canEdit(me), form }),
    );
  }
}

function canEdit(me: AuthenticatedPerson): boolean {
  return me.roles.some((role) => WRITE_ROLES.includes(role));
}

/** The notice after a delete (`?deleted=<kind>`); the kind only, never a name from the url. */
function deletedMessage(ctx: WebContext, deleted: unknown): string | null {
  return typeof deleted === 'string' && Object.hasOwn(ADMIN_SECTIONS, deleted)
    ? ctx.t.del.deleted[deleted as AdminKind]
    : null;
}

/** A malformed id is "Niet gevonden", like an id of another SWV. */
function uuid(id: string): string {
  if (!isUUID(id)) throw new NotFoundException();
  return id;
}

function emptyForm(): BoardFormState {
  return { name: '', pupilCount: '', bestuurderPersonId: '', errors: [] };
}

function formOf(board: SchoolBoard): BoardFormState {
  return {
    name: board.name,
    pupilCount: String(board.pupilCount),
    bestuurderPersonId: board.bestuurderPersonId ?? '',
    errors: [] as FieldError[],
  };
}

function postedForm(body: unknown): BoardFormState {
  const fields = formFields(body);
  return {
    name: text(fields, 'name'),
    pupilCount: text(fields, 'pupilCount'),
    bestuurderPersonId: text(fields, 'bestuurderPersonId'),
    errors: [],
  };
}

/** The form's text as the DTO's input: an empty pupil count is "missing", not zero. */
function boardInput(form: BoardFormState): Record<string, unknown> {
  return {
    name: form.name,
    pupilCount: wholeNumber(form.pupilCount) ?? null,
    bestuurderPersonId: optionalId(form.bestuurderPersonId),
  };
}

function emptySchoolForm(): SchoolFormState {
  return {
    name: '',
    boardId: '',
    brin: '',
    kind: 'regular',
    locationCount: '1',
    fixedAmount: '',
    ectMemberPersonId: '',
    errors: [],
  };
}

/** The amount in euros as typed in the form: 45.000,00 (formatAmount without the € sign). */
function eurosText(cents: number): string {
  return formatAmount(cents)
    .replace(/^€\s*/u, '')
    .trim();
}

function schoolFormOf(school: School): SchoolFormState {
  return {
    name: school.name,
    boardId: school.boardId,
    brin: school.brin ?? '',
    kind: school.kind,
    locationCount: String(school.locationCount),
    fixedAmount: eurosText(school.fixedAmountCents),
    ectMemberPersonId: school.ectMemberPersonId ?? '',
    errors: [],
  };
}

function postedSchoolForm(body: unknown): SchoolFormState {
  const fields = formFields(body);
  return {
    name: text(fields, 'name'),
    boardId: text(fields, 'boardId'),
    brin: text(fields, 'brin'),
    kind: text(fields, 'kind'),
    locationCount: text(fields, 'locationCount'),
    fixedAmount: text(fields, 'fixedAmount'),
    ectMemberPersonId: text(fields, 'ectMemberPersonId'),
    errors: [],
  };
}

/** The api's field of a refusal as the form's field (cents are typed in euros here). */
function schoolField(apiField: string): string {
  return apiField === 'fixedAmountCents' ? 'fixedAmount' : apiField;
}

function schoolRefusal(err: unknown): FieldError[] {
  return refusalAsFieldErrors(err).map((e) => ({ ...e, field: schoolField(e.field) }));
}

/**
 * The form as the DTO, validated by it. The fixed amount is converted with the domain's
 * eurosToCents; an amount it cannot read is reported on its field with its own message.
 * An empty amount is € 0,00; an empty board is "missing".
 */
async function validateSchool<T extends object>(
  dto: new () => T,
  form: SchoolFormState,
): Promise<{ ok: true; value: T } | { ok: false; errors: FieldError[] }> {
  const amountErrors: FieldError[] = [];
  let fixedAmountCents: number | undefined = 0;
  if (form.fixedAmount.trim() !== '') {
    try {
      fixedAmountCents = eurosToCents(form.fixedAmount.trim(), 'fixedAmount');
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      amountErrors.push({ field: 'fixedAmount', message: err.message });
      fixedAmountCents = undefined;
    }
  }
  const input: Record<string, unknown> = {
    name: form.name,
    boardId: form.boardId.trim(),
    brin: form.brin.trim() || null,
    kind: form.kind,
    locationCount: wholeNumber(form.locationCount) ?? null,
    ...(fixedAmountCents !== undefined ? { fixedAmountCents } : {}),
    ectMemberPersonId: optionalId(form.ectMemberPersonId),
  };
  const checked = await validateForm(dto, input);
  const errors = [
    ...amountErrors,
    ...(checked.ok ? [] : checked.errors.map((e) => ({ ...e, field: schoolField(e.field) }))),
  ];
  if (errors.length || !checked.ok) return { ok: false, errors };
  return checked;
}

function emptyPersonForm(): PersonFormState {
  return {
    name: '',
    email: '',
    roles: [],
    locale: 'nl',
    schoolId: '',
    boardId: '',
    active: true,
    errors: [],
  };
}

function personFormOf(person: Person): PersonFormState {
  return {
    name: person.name,
    email: person.email,
    roles: [...person.roles],
    locale: person.locale,
    schoolId: person.schoolId ?? '',
    boardId: person.boardId ?? '',
    active: person.active,
    errors: [],
  };
}

function postedPersonForm(body: unknown): PersonFormState {
  const fields = formFields(body);
  const roles = fields.roles;
  return {
    name: text(fields, 'name'),
    email: text(fields, 'email'),
    roles: Array.isArray(roles) ? roles : typeof roles === 'string' ? [roles] : [],
    locale: text(fields, 'locale'),
    schoolId: text(fields, 'schoolId'),
    boardId: text(fields, 'boardId'),
    active: text(fields, 'active') === 'true',
    errors: [],
  };
}

function personInput(form: PersonFormState): Record<string, unknown> {
  return {
    name: form.name,
    email: form.email,
    roles: form.roles,
    locale: form.locale,
    schoolId: optionalId(form.schoolId),
    boardId: optionalId(form.boardId),
    active: form.active,
  };
}

function emptyMemberForm(): MemberFormState {
  return { personId: '', boardId: '', errors: [] };
}

function bodyFormOf(body: GoverningBody): BodyFormState {
  const rule = body.votingRule;
  return {
    values: {
      name: body.name,
      decisionKind: body.decisionKind,
      'votingRule.weighting': rule.weighting,
      'votingRule.quorum.basis': rule.quorum?.basis ?? 'none',
      'votingRule.quorum.numerator': rule.quorum ? String(rule.quorum.numerator) : '',
      'votingRule.quorum.denominator': rule.quorum ? String(rule.quorum.denominator) : '',
      'votingRule.majority.basis': rule.majority.basis,
      'votingRule.majority.strict': String(rule.majority.strict),
      'votingRule.majority.numerator': String(rule.majority.numerator),
      'votingRule.majority.denominator': String(rule.majority.denominator),
      'votingRule.abstentions': rule.abstentions,
    },
    errors: [],
  };
}

function postedBodyValues(posted: unknown): Record<BodyField, string> {
  const fields = formFields(posted);
  return Object.fromEntries(BODY_FIELDS.map((f) => [f, text(fields, f)])) as Record<
    BodyField,
    string
  >;
}

/**
 * The form's text as UpdateBodyDto's input: quorum 'none' is null (its fraction is then
 * ignored); an empty number is "missing"; strict is the select's 'true' / 'false'.
 */
function bodyInput(v: Record<BodyField, string>): Record<string, unknown> {
  const strict = v['votingRule.majority.strict'];
  const quorumBasis = v['votingRule.quorum.basis'];
  return {
    name: v.name,
    decisionKind: v.decisionKind,
    votingRule: {
      weighting: v['votingRule.weighting'],
      quorum:
        quorumBasis === 'none'
          ? null
          : {
              basis: quorumBasis,
              numerator: wholeNumber(v['votingRule.quorum.numerator']) ?? null,
              denominator: wholeNumber(v['votingRule.quorum.denominator']) ?? null,
            },
      majority: {
        basis: v['votingRule.majority.basis'],
        strict: strict === 'true' ? true : strict === 'false' ? false : strict,
        numerator: wholeNumber(v['votingRule.majority.numerator']) ?? null,
        denominator: wholeNumber(v['votingRule.majority.denominator']) ?? null,
      },
      abstentions: v['votingRule.abstentions'],
    },
  };
}
