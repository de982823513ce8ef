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
import { DomainError, eurosToCents } from '@jaarcyclus/domain';
import type { Person, School, SchoolBoard } from '@jaarcyclus/persistence';
import { isUUID } from 'class-validator';
import type { Response } from 'express';
import type { AuthenticatedPerson, AuthenticatedRequest } from '../../auth/authenticated-person';
import { CurrentPerson, READ_ROLES, Roles, WRITE_ROLES } from '../../auth/decorators';
import { BoardsService } from '../../boards/boards.service';
import { CreateBoardDto, UpdateBoardDto } from '../../boards/dto/board.dto';
import { BodiesService } from '../../bodies/bodies.service';
import type { FieldError } from '../../common/api-errors';
import { CreatePersonDto, UpdatePersonDto } from '../../persons/dto/person.dto';
import { PersonsService } from '../../persons/persons.service';
import { CreateSchoolDto, UpdateSchoolDto } from '../../schools/dto/school.dto';
import { SchoolsService } from '../../schools/schools.service';
import { CsrfGuard } from '../csrf';
import {
  formFields,
  optionalId,
  refusalAsFieldErrors,
  text,
  validateForm,
  wholeNumber,
} from '../forms';
import { formatAmount } from '../i18n';
import {
  adminPage,
  boardPage,
  personPage,
  schoolPage,
  type BoardFormState,
  type PersonFormState,
  type SchoolFormState,
} from '../pages/admin.pages';
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
  ) {}

  @Get()
  @Roles(...READ_ROLES)
  async overview(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Query('added') added: unknown,
    @Query('saved') saved: unknown,
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
            : otherMessage,
      }),
    );
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
