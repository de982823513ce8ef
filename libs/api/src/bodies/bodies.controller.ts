import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import { CurrentPerson, READ_ROLES, Roles, WRITE_ROLES } from '../auth/decorators';
import { SESSION_COOKIE } from '../auth/session.guard';
import { ErrorResponseDto } from '../common/api-errors';
import { paged, PageQueryDto } from '../common/pagination';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { BodiesService } from './bodies.service';
import {
  AddBodyMemberDto,
  BodyDto,
  BodyMemberDto,
  CreateBodyDto,
  UpdateBodyDto,
} from './dto/body.dto';

@ApiTags('bodies')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@Controller('api/bodies')
export class BodiesController {
  constructor(private readonly bodies: BodiesService) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOkResponse({ type: [BodyDto] })
  async list(
    @CurrentPerson() me: AuthenticatedPerson,
    @Query() page: PageQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BodyDto[]> {
    return paged(res, await this.bodies.list(me.organisationId), page).map(BodyDto.from);
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  @ApiOkResponse({ type: BodyDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<BodyDto> {
    return BodyDto.from(await this.bodies.get(me.organisationId, id));
  }

  @Post()
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: 'Create a body, optionally with its members (all or nothing)' })
  @ApiCreatedResponse({ type: BodyDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  async create(
    @CurrentPerson() me: AuthenticatedPerson,
    @Body() body: CreateBodyDto,
  ): Promise<BodyDto> {
    return BodyDto.from(await this.bodies.create(me.organisationId, body));
  }

  @Patch(':id')
  @Roles(...WRITE_ROLES)
  @ApiOkResponse({ type: BodyDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  async update(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: UpdateBodyDto,
  ): Promise<BodyDto> {
    return BodyDto.from(await this.bodies.update(me.organisationId, id, body));
  }

  @Delete(':id')
  @Roles(...WRITE_ROLES)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async remove(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<void> {
    await this.bodies.remove(me.organisationId, id);
  }

  @Get(':id/members')
  @Roles(...READ_ROLES)
  @ApiOkResponse({ type: [BodyMemberDto] })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async members(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<BodyMemberDto[]> {
    return (await this.bodies.listMembers(me.organisationId, id)).map(({ member, person }) =>
      BodyMemberDto.from(member, person),
    );
  }

  @Post(':id/members')
  @Roles(...WRITE_ROLES)
  @ApiCreatedResponse({ type: BodyMemberDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'Already a member, or the board is already represented',
  })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  async addMember(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: AddBodyMemberDto,
  ): Promise<BodyMemberDto> {
    const { member, person } = await this.bodies.addMember(me.organisationId, id, body);
    return BodyMemberDto.from(member, person);
  }

  @Delete(':id/members/:memberId')
  @Roles(...WRITE_ROLES)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async removeMember(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Param('memberId', UuidParamPipe) memberId: string,
  ): Promise<void> {
    await this.bodies.removeMember(me.organisationId, id, memberId);
  }
}
