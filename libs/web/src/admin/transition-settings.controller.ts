import {
  Body,
  Controller,
  Get,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { TransitionSettings } from '@jaarcyclus/domain';
import type { Response } from 'express';
import type {
  AuthenticatedPerson,
  AuthenticatedRequest,
} from '@jaarcyclus/api/auth/authenticated-person';
import { CurrentPerson, READ_ROLES, Roles, WRITE_ROLES } from '@jaarcyclus/api/auth/decorators';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { TransitionSettingsDto } from '@jaarcyclus/api/transitions/transition-settings.dto';
import { TransitionsService } from '@jaarcyclus/api/transitions/transitions.service';
import { CsrfGuard } from '../csrf';
import { formFields, oneErrorPerField, text, validateForm, wholeNumber } from '../forms';
import type { WebContext } from '../layout';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPages } from '../web-pages';
import {
  TRANSITION_SETTING_FIELDS,
  type TransitionSettingValues,
  transitionSettingsPage,
} from './transition-settings.pages';
import { canEdit } from './shared.controller';

const PATH = '/app/admin/transitions';

function valuesOf(settings: TransitionSettings): TransitionSettingValues {
  return Object.fromEntries(
    TRANSITION_SETTING_FIELDS.map((f) => [f, String(settings[f])]),
  ) as TransitionSettingValues;
}

/**
 * The SWV's schakeltraject settings (/app/admin/transitions): the office reads them,
 * administrators change them, through the same DTO and service as PUT /api/transitions/settings.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/admin/transitions')
export class TransitionSettingsAdminController {
  constructor(
    private readonly pages: WebPages,
    private readonly transitions: TransitionsService,
  ) {}

  @Get()
  @Roles(...READ_ROLES)
  async show(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Query('saved') saved: unknown,
  ): Promise<void> {
    const ctx = this.pages.context(req, res);
    const current = await this.transitions.settings(me);
    this.render(ctx, res, me, 200, valuesOf(current.settings), [], {
      ...current,
      message: saved === '1' ? ctx.t.tsSaved : null,
    });
  }

  @Post()
  @Roles(...WRITE_ROLES)
  @UseGuards(CsrfGuard)
  async save(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const ctx = this.pages.context(req, res, PATH);
    const fields = formFields(body);
    const values = Object.fromEntries(
      TRANSITION_SETTING_FIELDS.map((f) => [f, text(fields, f)]),
    ) as TransitionSettingValues;
    // An empty field is not given ('' → undefined): the DTO names it as required.
    const input = Object.fromEntries(
      TRANSITION_SETTING_FIELDS.map((f) => [f, wholeNumber(values[f])]),
    );
    const checked = await validateForm(TransitionSettingsDto, input);
    if (!checked.ok) {
      const current = await this.transitions.settings(me);
      return this.render(
        ctx,
        res,
        me,
        422,
        values,
        oneErrorPerField(checked.errors, (f) => f),
        {
          ...current,
          message: null,
        },
      );
    }
    await this.transitions.updateSettings(me, checked.value);
    this.pages.redirect(res, `${PATH}?saved=1`);
  }

  private render(
    ctx: WebContext,
    res: Response,
    me: AuthenticatedPerson,
    status: number,
    values: TransitionSettingValues,
    errors: FieldError[],
    data: { defaults: TransitionSettings; custom: boolean; message: string | null },
  ): void {
    this.pages.send(
      res,
      status,
      transitionSettingsPage(ctx, {
        values,
        defaults: data.defaults,
        custom: data.custom,
        errors,
        canEdit: canEdit(me),
        message: data.message,
      }),
    );
  }
}
