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
import {
  DEFAULT_ACCOUNTABILITY_REMINDER_POLICY,
  DEFAULT_REMINDER_POLICY,
} from '@jaarcyclus/domain';
import { DEFAULT_OPR_DISPUTE_AFTER_ROUNDS } from '@jaarcyclus/workflows';
import type { Response } from 'express';
import type {
  AuthenticatedPerson,
  AuthenticatedRequest,
} from '@jaarcyclus/api/auth/authenticated-person';
import { CurrentPerson, READ_ROLES, Roles, WRITE_ROLES } from '@jaarcyclus/api/auth/decorators';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { OrganisationService } from '@jaarcyclus/api/organisation/organisation.service';
import { CsrfGuard } from '../csrf';
import type { WebContext } from '../layout';
import {
  postedSettings,
  settingsValues,
  validateSettingsForm,
  type SettingsValues,
} from '../settings-form';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPages } from '../web-pages';
import { settingsPage } from './settings.pages';
import { canEdit } from './shared.controller';

/** The SWV's settings (/app/admin/settings): the office reads them, administrators change them. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/admin/settings')
export class SettingsAdminController {
  constructor(
    private readonly pages: WebPages,
    private readonly organisation: OrganisationService,
  ) {}

  @Get()
  @Roles(...READ_ROLES)
  async settings(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Query('saved') saved: unknown,
  ): Promise<void> {
    const ctx = this.pages.context(req, res);
    const organisation = await this.organisation.get(me.organisationId);
    this.sendSettings(
      ctx,
      res,
      me,
      200,
      settingsValues(organisation.settings ?? {}),
      [],
      saved === '1' ? ctx.t.settingsSaved : null,
    );
  }

  /** Through the same service and DTO as PATCH /api/organisation; an empty field restores the default. */
  @Post()
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
}
