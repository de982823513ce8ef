import { Controller, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { SchoolBoard } from '@jaarcyclus/persistence';
import type { ClassConstructor } from 'class-transformer';
import type { AuthenticatedPerson } from '@jaarcyclus/api/auth/authenticated-person';
import { BoardsService } from '@jaarcyclus/api/boards/boards.service';
import { CreateBoardDto, UpdateBoardDto } from '@jaarcyclus/api/boards/dto/board.dto';
import { PersonsService } from '@jaarcyclus/api/persons/persons.service';
import { formFields, text, validateForm, wholeNumber, type Validated } from '../forms';
import type { WebContext } from '../layout';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPages } from '../web-pages';
import { boardPage, type BoardFormState } from './boards.pages';
import { pickedPerson, withPickerError } from './person-picker';
import { AdminEntityController, canEdit } from './shared.controller';

/** A school board's pages: /app/admin/boards/new and /app/admin/boards/:id (AdminEntityController). */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/admin/boards')
export class BoardsAdminController extends AdminEntityController<
  SchoolBoard,
  BoardFormState,
  CreateBoardDto,
  UpdateBoardDto
> {
  constructor(
    pages: WebPages,
    boards: BoardsService,
    private readonly persons: PersonsService,
  ) {
    super(pages, boards, 'boards', { create: CreateBoardDto, update: UpdateBoardDto });
  }

  protected emptyForm(): BoardFormState {
    return { name: '', pupilCount: '', bestuurderPersonId: '', errors: [] };
  }

  protected formOf(board: SchoolBoard): BoardFormState {
    return {
      name: board.name,
      pupilCount: String(board.pupilCount),
      bestuurderPersonId: board.bestuurderPersonId ?? '',
      errors: [],
    };
  }

  protected postedForm(body: unknown): BoardFormState {
    const fields = formFields(body);
    return {
      name: text(fields, 'name'),
      pupilCount: text(fields, 'pupilCount'),
      bestuurderPersonId: text(fields, 'bestuurderPersonId'),
      errors: [],
    };
  }

  /** The form's text as the DTO's input: an empty pupil count is "missing", not zero. */
  protected async validate<T extends object>(
    dto: ClassConstructor<T>,
    form: BoardFormState,
    me: AuthenticatedPerson,
  ): Promise<Validated<T>> {
    // The bestuurder is typed (the person picker): read as one of the SWV's active people.
    const persons = await this.persons.list(me.organisationId);
    const bestuurder = pickedPerson(
      'bestuurderPersonId',
      form.bestuurderPersonId,
      persons.filter((p) => p.active),
      persons,
    );
    const checked = await validateForm<T>(dto, {
      name: form.name,
      pupilCount: wholeNumber(form.pupilCount) ?? null,
      bestuurderPersonId: bestuurder.ok ? bestuurder.id : null,
    });
    return withPickerError(checked, bestuurder);
  }

  protected async page(
    ctx: WebContext,
    me: AuthenticatedPerson,
    board: SchoolBoard | null,
    form: BoardFormState,
  ): Promise<string> {
    const persons = await this.persons.list(me.organisationId);
    return boardPage(ctx, { board, persons, canEdit: canEdit(me), form });
  }
}
