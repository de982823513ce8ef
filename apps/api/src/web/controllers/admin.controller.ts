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
import type { SchoolBoard } from '@jaarcyclus/persistence';
import { isUUID } from 'class-validator';
import type { Response } from 'express';
import type { AuthenticatedPerson, AuthenticatedRequest } from '../../auth/authenticated-person';
import { CurrentPerson, READ_ROLES, Roles, WRITE_ROLES } from '../../auth/decorators';
import { BoardsService } from '../../boards/boards.service';
import { CreateBoardDto, UpdateBoardDto } from '../../boards/dto/board.dto';
import { BodiesService } from '../../bodies/bodies.service';
import type { FieldError } from '../../common/api-errors';
import { PersonsService } from '../../persons/persons.service';
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
import { adminPage, boardPage, type BoardFormState } from '../pages/admin.pages';
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
            : null,
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
