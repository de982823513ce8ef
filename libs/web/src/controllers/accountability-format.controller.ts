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
import { DomainError, type AccountabilityFormat } from '@jaarcyclus/domain';
import type { Response } from 'express';
import { AccountabilityFormatsService } from '@jaarcyclus/api/accountability/accountability-formats.service';
import { FieldValidationError } from '@jaarcyclus/api/accountability/field-errors';
import type {
  AuthenticatedPerson,
  AuthenticatedRequest,
} from '@jaarcyclus/api/auth/authenticated-person';
import { CurrentPerson, READ_ROLES, Roles } from '@jaarcyclus/api/auth/decorators';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { CsrfGuard } from '../csrf';
import {
  formatFormErrors,
  formatInput,
  formatValues,
  lineMove,
  postedFormat,
  sameFormat,
  withBlankLine,
  withDerivedKeys,
  type FormatFormValues,
} from '../format-form';
import { formFields, text, wholeNumber } from '../forms';
import type { WebContext } from '../layout';
import { FORMAT_PATH, formatPage, formatVersionPage } from '../pages/format.pages';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPages } from '../web-pages';

/** Who may publish a version: as POST /api/accountability/formats. */
const PUBLISHERS = ['admin', 'secretariat'] as const;

const canPublish = (me: AuthenticatedPerson): boolean =>
  me.roles.some((r) => (PUBLISHERS as readonly string[]).includes(r));

/**
 * The accountability format in the web app. Reading: office and administrators; publishing
 * the next version: the secretariat and administrators, through the service (and so the
 * domain's validateFormat) of POST /api/accountability/formats. Registered before the
 * overview's /app/cycles/accountability/:year.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/cycles/accountability/format')
export class AccountabilityFormatController {
  constructor(
    private readonly pages: WebPages,
    private readonly formats: AccountabilityFormatsService,
  ) {}

  @Get()
  @Roles(...READ_ROLES)
  async show(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Query('published') published: unknown,
  ): Promise<void> {
    const ctx = this.pages.context(req, res);
    const current = await this.current(me);
    const version =
      typeof published === 'string' && /^\d{1,6}$/.test(published) ? Number(published) : null;
    const message = version === current.version ? ctx.t.fmt.published(version) : null;
    await this.render(ctx, res, me, 200, current, formatValues(current), [], message);
  }

  @Get(':version')
  @Roles(...READ_ROLES)
  async version(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('version') versionParam: string,
  ): Promise<void> {
    const ctx = this.pages.context(req, res);
    const n = /^\d{1,6}$/.test(versionParam) ? Number(versionParam) : null;
    const use =
      n === null ? undefined : (await this.formats.versions(me)).find((v) => v.version === n);
    if (n === null || !use) throw new NotFoundException();
    const format = await this.formats.get(me, n);
    this.pages.send(res, 200, formatVersionPage(ctx, { format, use }));
  }

  /**
   * action=addLine:<section> | move:<section>:<line>:<up|down> | publish (the form's buttons);
   * only publish stores anything.
   */
  @Post()
  @Roles(...PUBLISHERS)
  @UseGuards(CsrfGuard)
  async post(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const ctx = this.pages.context(req, res, FORMAT_PATH);
    const current = await this.current(me);
    const fields = formFields(body);
    const action = text(fields, 'action');
    const move = lineMove(action);
    const values = withDerivedKeys(postedFormat(body, move));
    // The version the form was opened on: a colleague may have published one since. It stays
    // the form's base while lines are added, so publishing still notices.
    const base = wholeNumber(text(fields, 'baseVersion'));
    const baseVersion = base === undefined || Number.isNaN(base) ? undefined : base;
    const render = (
      status: number,
      v: FormatFormValues,
      errors: FieldError[],
      message: string | null,
    ) => this.render(ctx, res, me, status, current, v, errors, message, baseVersion);

    if (move) return render(200, values, [], ctx.t.fmt.lineMoved);
    if (action === 'addLine:incomeLines' || action === 'addLine:expenseLines') {
      const section = action === 'addLine:incomeLines' ? 'incomeLines' : 'expenseLines';
      return render(200, withBlankLine(values, section), [], ctx.t.fmt.lineAdded);
    }
    const input = formatInput(values);
    if ((baseVersion ?? current.version) === current.version && sameFormat(input, current)) {
      return render(
        422,
        values,
        [{ field: '', message: ctx.t.fmt.unchanged(current.version) }],
        null,
      );
    }
    try {
      const saved = await this.formats.publish(
        { ...me, locale: ctx.locale },
        { ...input, ...(baseVersion === undefined ? {} : { baseVersion }) },
      );
      return this.pages.redirect(res, `${FORMAT_PATH}?published=${saved.version}`);
    } catch (err) {
      if (err instanceof FieldValidationError) {
        return render(422, values, formatFormErrors(err.errors), null);
      }
      if (!(err instanceof DomainError && err.code === 'CONFLICT')) throw err;
      // Shown with what this person typed, on the newer version: publishing it is a choice.
      const newer = await this.current(me);
      const conflict = [{ field: '', message: ctx.t.fmt.conflict(newer.version) }];
      return this.render(ctx, res, me, 409, newer, values, conflict, null);
    }
  }

  private async current(me: AuthenticatedPerson): Promise<AccountabilityFormat> {
    const [latest] = await this.formats.list(me);
    if (!latest) throw new DomainError('NOT_FOUND', 'The SWV has no accountability format');
    return latest;
  }

  private async render(
    ctx: WebContext,
    res: Response,
    me: AuthenticatedPerson,
    status: number,
    current: AccountabilityFormat,
    values: FormatFormValues,
    errors: FieldError[],
    message: string | null,
    baseVersion?: number,
  ): Promise<void> {
    const versions = await this.formats.versions(me);
    this.pages.send(
      res,
      status,
      formatPage(ctx, {
        current,
        versions,
        message,
        edit: canPublish(me) ? { values, errors, ...(baseVersion ? { baseVersion } : {}) } : null,
      }),
    );
  }
}
