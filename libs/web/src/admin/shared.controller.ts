import { Body, Get, NotFoundException, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { ClassConstructor } from 'class-transformer';
import { isUUID } from 'class-validator';
import type { Response } from 'express';
import type {
  AuthenticatedPerson,
  AuthenticatedRequest,
} from '@jaarcyclus/api/auth/authenticated-person';
import { CurrentPerson, READ_ROLES, Roles, WRITE_ROLES } from '@jaarcyclus/api/auth/decorators';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import type { TenantCrud } from '@jaarcyclus/api/common/tenant-crud.service';
import { CsrfGuard } from '../csrf';
import { refusalAsFieldErrors, type Validated } from '../forms';
import type { WebContext } from '../layout';
import type { WebPages } from '../web-pages';
import { ADMIN_SECTIONS, type AdminEntityKind } from './shared.pages';

/** Reading the master data: READ_ROLES; changing it: WRITE_ROLES (administrators). */
export function canEdit(me: AuthenticatedPerson): boolean {
  return me.roles.some((role) => WRITE_ROLES.includes(role));
}

/** A malformed id is "Niet gevonden", like an id of another SWV. */
export function uuid(id: string): string {
  if (!isUUID(id)) throw new NotFoundException();
  return id;
}

/**
 * The add/view/change pages of one kind of master data (boards, schools, persons), for a
 * controller class that adds `@Controller('app/admin/<kind>')` (and the web app's filter):
 *
 * | route | roles | answers |
 * | --- | --- | --- |
 * | GET new | WRITE_ROLES | the empty form |
 * | GET :id | READ_ROLES | the form (administrators) or the details (the office); 404 for an unknown id, another SWV's or a malformed one |
 * | POST / | WRITE_ROLES, CSRF | 303 to /app/admin?added=<id>#<section>; 422 the form with its errors |
 * | POST :id | WRITE_ROLES, CSRF | 404 as GET :id; 303 to /app/admin?saved=<id>#<section>; 422 as POST / |
 *
 * A post is checked by the api's own DTO (`validate`) and then saved through the api's own
 * service, whose refusals (a rule, a duplicate, another SWV's reference) are shown on the form
 * like the DTO's errors. Deleting is AdminController's, for all kinds alike.
 *
 * The subclass holds what differs: the form's fields as posted and as stored, how the form
 * becomes the DTO's input, and the page with the lists it needs.
 */
export abstract class AdminEntityController<
  E extends { id: string },
  F extends { errors: FieldError[] },
  C extends object,
  U extends object,
> {
  protected constructor(
    protected readonly pages: WebPages,
    private readonly entities: TenantCrud<E, C, U>,
    private readonly kind: AdminEntityKind,
    private readonly dtos: { create: ClassConstructor<C>; update: ClassConstructor<U> },
  ) {}

  /** The form of a new record. */
  protected abstract emptyForm(): F;
  /** The form of a stored record. */
  protected abstract formOf(row: E): F;
  /** The form as posted (errors empty). */
  protected abstract postedForm(body: unknown): F;
  /**
   * The form as the DTO's input, checked by it; errors are named by the form's fields. `me`:
   * whose SWV's people a person picker's text is read against.
   */
  protected abstract validate<T extends object>(
    dto: ClassConstructor<T>,
    form: F,
    me: AuthenticatedPerson,
  ): Promise<Validated<T>>;
  /** The page of a new (row null) or a stored record. */
  protected abstract page(
    ctx: WebContext,
    me: AuthenticatedPerson,
    row: E | null,
    form: F,
  ): Promise<string>;

  /**
   * A refusal of the service as the form's field errors (by default named as the api names
   * them); `me` and `form`: for a subclass that says more (whose address is taken).
   */
  protected refusal(err: unknown, _me: AuthenticatedPerson, _form: F): Promise<FieldError[]> {
    return Promise.resolve(refusalAsFieldErrors(err));
  }

  @Get('new')
  @Roles(...WRITE_ROLES)
  async add(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    await this.render(req, res, me, null, this.emptyForm(), 200);
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  async show(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') id: string,
  ): Promise<void> {
    const row = await this.entities.get(me.organisationId, uuid(id));
    await this.render(req, res, me, row, this.formOf(row), 200);
  }

  @Post()
  @Roles(...WRITE_ROLES)
  @UseGuards(CsrfGuard)
  async create(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const form = this.postedForm(body);
    const refused = (errors: FieldError[]) =>
      this.render(req, res, me, null, { ...form, errors }, 422);
    const input = await this.validate(this.dtos.create, form, me);
    if (!input.ok) return refused(input.errors);
    let created: E;
    try {
      created = await this.entities.create(me.organisationId, input.value);
    } catch (err) {
      return refused(await this.refusal(err, me, form));
    }
    this.pages.redirect(res, `/app/admin?added=${created.id}#${ADMIN_SECTIONS[this.kind]}`);
  }

  @Post(':id')
  @Roles(...WRITE_ROLES)
  @UseGuards(CsrfGuard)
  async update(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const row = await this.entities.get(me.organisationId, uuid(id));
    const form = this.postedForm(body);
    const refused = (errors: FieldError[]) =>
      this.render(req, res, me, row, { ...form, errors }, 422);
    const input = await this.validate(this.dtos.update, form, me);
    if (!input.ok) return refused(input.errors);
    try {
      await this.entities.update(me.organisationId, row.id, input.value);
    } catch (err) {
      return refused(await this.refusal(err, me, form));
    }
    this.pages.redirect(res, `/app/admin?saved=${row.id}#${ADMIN_SECTIONS[this.kind]}`);
  }

  private async render(
    req: AuthenticatedRequest,
    res: Response,
    me: AuthenticatedPerson,
    row: E | null,
    form: F,
    status: number,
  ): Promise<void> {
    const path = row ? `/app/admin/${this.kind}/${row.id}` : `/app/admin/${this.kind}/new`;
    const ctx = this.pages.context(req, res, path);
    this.pages.send(res, status, await this.page(ctx, me, row, form));
  }
}
