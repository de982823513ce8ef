import { Controller, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainError, eurosToCents } from '@jaarcyclus/domain';
import type { School } from '@jaarcyclus/persistence';
import type { ClassConstructor } from 'class-transformer';
import type { AuthenticatedPerson } from '@jaarcyclus/api/auth/authenticated-person';
import { BoardsService } from '@jaarcyclus/api/boards/boards.service';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { PersonsService } from '@jaarcyclus/api/persons/persons.service';
import { CreateSchoolDto, UpdateSchoolDto } from '@jaarcyclus/api/schools/dto/school.dto';
import { SchoolsService } from '@jaarcyclus/api/schools/schools.service';
import {
  fieldErrorOf,
  formFields,
  refusalAsFieldErrors,
  text,
  validateForm,
  wholeNumber,
  type Validated,
} from '../forms';
import { formatAmount } from '../i18n';
import type { WebContext } from '../layout';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPages } from '../web-pages';
import { pickedPerson } from './person-picker';
import { AdminEntityController, canEdit } from './shared.controller';
import { schoolPage, type SchoolFormState } from './schools.pages';

/**
 * A school's pages: /app/admin/schools/new and /app/admin/schools/:id (AdminEntityController).
 * The fixed amount is typed in euros here (fixedAmount) where the api takes cents
 * (fixedAmountCents): refusals of either are shown on the euro field.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/admin/schools')
export class SchoolsAdminController extends AdminEntityController<
  School,
  SchoolFormState,
  CreateSchoolDto,
  UpdateSchoolDto
> {
  constructor(
    pages: WebPages,
    schools: SchoolsService,
    private readonly boards: BoardsService,
    private readonly persons: PersonsService,
  ) {
    super(pages, schools, 'schools', { create: CreateSchoolDto, update: UpdateSchoolDto });
  }

  protected emptyForm(): SchoolFormState {
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

  protected formOf(school: School): SchoolFormState {
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

  protected postedForm(body: unknown): SchoolFormState {
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

  /**
   * The form as the DTO, validated by it. The fixed amount is converted with the domain's
   * eurosToCents; an amount it cannot read is reported on its field with its own message.
   * An empty amount is € 0,00; an empty board is "missing".
   */
  protected async validate<T extends object>(
    dto: ClassConstructor<T>,
    form: SchoolFormState,
    me: AuthenticatedPerson,
  ): Promise<Validated<T>> {
    // The ECT member is typed (the person picker): one of the SWV's active ECT members.
    const persons = await this.persons.list(me.organisationId);
    const ect = pickedPerson(
      'ectMemberPersonId',
      form.ectMemberPersonId,
      persons.filter((p) => p.active && p.roles.includes('ect_member')),
      persons,
    );
    const amountErrors: FieldError[] = [];
    let fixedAmountCents: number | undefined = 0;
    if (form.fixedAmount.trim() !== '') {
      try {
        fixedAmountCents = eurosToCents(form.fixedAmount.trim(), 'fixedAmount');
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        amountErrors.push(fieldErrorOf(err, 'fixedAmount'));
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
      ectMemberPersonId: ect.ok ? ect.id : null,
    };
    const checked = await validateForm(dto, input);
    const errors = [
      ...amountErrors,
      ...(ect.ok ? [] : [ect.error]),
      ...(checked.ok ? [] : checked.errors.map((e) => ({ ...e, field: schoolField(e.field) }))),
    ];
    if (errors.length || !checked.ok) return { ok: false, errors };
    return checked;
  }

  protected override refusal(err: unknown): Promise<FieldError[]> {
    return Promise.resolve(
      refusalAsFieldErrors(err).map((e) => ({ ...e, field: schoolField(e.field) })),
    );
  }

  protected async page(
    ctx: WebContext,
    me: AuthenticatedPerson,
    school: School | null,
    form: SchoolFormState,
  ): Promise<string> {
    const [boards, persons] = await Promise.all([
      this.boards.list(me.organisationId),
      this.persons.list(me.organisationId),
    ]);
    return schoolPage(ctx, { school, boards, persons, canEdit: canEdit(me), form });
  }
}

/** The amount in euros as typed in the form: 45.000,00 (formatAmount without the € sign). */
function eurosText(cents: number): string {
  return formatAmount(cents).replace(/^€\s*/u, '').trim();
}

/** The api's field of a refusal as the form's field (cents are typed in euros here). */
function schoolField(apiField: string): string {
  return apiField === 'fixedAmountCents' ? 'fixedAmount' : apiField;
}
