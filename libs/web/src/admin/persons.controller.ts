import { Controller, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Person } from '@jaarcyclus/persistence';
import type { ClassConstructor } from 'class-transformer';
import type { AuthenticatedPerson } from '@jaarcyclus/api/auth/authenticated-person';
import { BoardsService } from '@jaarcyclus/api/boards/boards.service';
import { CreatePersonDto, UpdatePersonDto } from '@jaarcyclus/api/persons/dto/person.dto';
import { PersonsService } from '@jaarcyclus/api/persons/persons.service';
import { SchoolsService } from '@jaarcyclus/api/schools/schools.service';
import { codedText, englishText } from '@jaarcyclus/i18n';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import {
  formFields,
  optionalId,
  refusalAsFieldErrors,
  text,
  validateForm,
  type Validated,
} from '../forms';
import type { WebContext } from '../layout';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPages } from '../web-pages';
import { personPage, type PersonFormState } from './persons.pages';
import { AdminEntityController, canEdit } from './shared.controller';

/**
 * A person's pages: /app/admin/persons/new and /app/admin/persons/:id (AdminEntityController).
 * A change that would leave the SWV without an active administrator is refused by
 * PersonsService and shown on the form.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/admin/persons')
export class PersonsAdminController extends AdminEntityController<
  Person,
  PersonFormState,
  CreatePersonDto,
  UpdatePersonDto
> {
  constructor(
    pages: WebPages,
    private readonly personsService: PersonsService,
    private readonly boards: BoardsService,
    private readonly schools: SchoolsService,
  ) {
    super(pages, personsService, 'persons', { create: CreatePersonDto, update: UpdatePersonDto });
  }

  protected emptyForm(): PersonFormState {
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

  protected formOf(person: Person): PersonFormState {
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

  /** Roles are checkboxes: none, one (a string) or several (an array) come back. */
  protected postedForm(body: unknown): PersonFormState {
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

  protected validate<T extends object>(
    dto: ClassConstructor<T>,
    form: PersonFormState,
  ): Promise<Validated<T>> {
    return validateForm(dto, {
      name: form.name,
      email: form.email,
      roles: form.roles,
      locale: form.locale,
      schoolId: optionalId(form.schoolId),
      boardId: optionalId(form.boardId),
      active: form.active,
    });
  }

  /**
   * A taken e-mail address names who has it (addresses are unique per SWV, so that person is
   * of this SWV and listed on its Beheer page: nothing of another SWV is told).
   */
  protected override async refusal(
    err: unknown,
    me: AuthenticatedPerson,
    form: PersonFormState,
  ): Promise<FieldError[]> {
    const errors = refusalAsFieldErrors(err);
    if (!errors.some((e) => e.field === 'email' && e.text?.code === 'refusal.exists'))
      return errors;
    const email = form.email.trim().toLocaleLowerCase('en');
    const holder = (await this.personsList(me)).find(
      (p) => p.email.toLocaleLowerCase('en') === email,
    );
    if (!holder) return errors;
    return errors.map((e) =>
      e.field === 'email' && e.text?.code === 'refusal.exists'
        ? {
            field: 'email',
            message: englishText('personPicker.emailInUseBy', { name: holder.name }),
            text: codedText('personPicker.emailInUseBy', { name: holder.name }),
          }
        : e,
    );
  }

  private personsList(me: AuthenticatedPerson): Promise<Person[]> {
    return this.personsService.list(me.organisationId);
  }

  protected async page(
    ctx: WebContext,
    me: AuthenticatedPerson,
    person: Person | null,
    form: PersonFormState,
  ): Promise<string> {
    const [boards, schools] = await Promise.all([
      this.boards.list(me.organisationId),
      this.schools.list(me.organisationId),
    ]);
    return personPage(ctx, { person, boards, schools, canEdit: canEdit(me), form });
  }
}
