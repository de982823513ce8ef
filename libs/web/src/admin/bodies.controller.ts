import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Body as GoverningBody } from '@jaarcyclus/persistence';
import type { Response } from 'express';
import type {
  AuthenticatedPerson,
  AuthenticatedRequest,
} from '@jaarcyclus/api/auth/authenticated-person';
import { CurrentPerson, READ_ROLES, Roles, WRITE_ROLES } from '@jaarcyclus/api/auth/decorators';
import { BoardsService } from '@jaarcyclus/api/boards/boards.service';
import { BodiesService } from '@jaarcyclus/api/bodies/bodies.service';
import { AddBodyMemberDto, UpdateBodyDto } from '@jaarcyclus/api/bodies/dto/body.dto';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { PersonsService } from '@jaarcyclus/api/persons/persons.service';
import { CsrfGuard } from '../csrf';
import {
  formFields,
  optionalId,
  refusalAsFieldErrors,
  text,
  validateForm,
  wholeNumber,
} from '../forms';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPages } from '../web-pages';
import {
  BODY_FIELDS,
  bodyPage,
  memberCandidates,
  type BodyField,
  type BodyFormState,
  type MemberFormState,
} from './bodies.pages';
import { pickedPerson } from './person-picker';
import { canEdit, uuid } from './shared.controller';

/**
 * A body's page (/app/admin/bodies/:id): its voting rule and members, changed by administrators
 * through the same service and DTOs as PATCH /api/bodies/:id and POST /api/bodies/:id/members.
 * Bodies are not added here; deleting is AdminController's.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/admin/bodies')
export class BodiesAdminController {
  constructor(
    private readonly pages: WebPages,
    private readonly bodies: BodiesService,
    private readonly persons: PersonsService,
    private readonly boards: BoardsService,
  ) {}

  @Get(':id')
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

  @Post(':id')
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

  @Post(':id/members')
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
    // The person is typed (the person picker): one of the SWV's active people not yet a member.
    const [persons, members] = await Promise.all([
      this.persons.list(me.organisationId),
      this.bodies.listMembers(me.organisationId, body.id),
    ]);
    const picked = pickedPerson(
      'personId',
      memberForm.personId,
      memberCandidates(persons, members),
      persons,
    );
    const input = await validateForm(AddBodyMemberDto, {
      personId: picked.ok ? (picked.id ?? '') : '',
      boardId: optionalId(memberForm.boardId),
    });
    // A text that names nobody (or several) is said once, on the picker.
    if (!picked.ok) {
      const others = input.ok ? [] : input.errors.filter((e) => e.field !== 'personId');
      return refused([picked.error, ...others]);
    }
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

  @Post(':id/members/:memberId/remove')
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
      voteSecrecy: body.voteSecrecy ?? 'default',
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
    // 'default': no setting of its own (the default of the decision kind); absent: unchanged.
    ...(v.voteSecrecy === ''
      ? {}
      : { voteSecrecy: v.voteSecrecy === 'default' ? null : v.voteSecrecy }),
  };
}
