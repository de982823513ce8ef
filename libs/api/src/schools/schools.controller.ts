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
} from '@nestjs/common';
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
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import { CurrentPerson, READ_ROLES, Roles, WRITE_ROLES } from '../auth/decorators';
import { SESSION_COOKIE } from '../auth/session.guard';
import { ErrorResponseDto } from '../common/api-errors';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { SchoolsService } from './schools.service';
import { SchoolDto, CreateSchoolDto, UpdateSchoolDto } from './dto/school.dto';

@ApiTags('schools')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@Controller('api/schools')
export class SchoolsController {
  constructor(private readonly schools: SchoolsService) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOkResponse({ type: [SchoolDto] })
  async list(@CurrentPerson() me: AuthenticatedPerson): Promise<SchoolDto[]> {
    return (await this.schools.list(me.organisationId)).map(SchoolDto.from);
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  @ApiOkResponse({ type: SchoolDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<SchoolDto> {
    return SchoolDto.from(await this.schools.get(me.organisationId, id));
  }

  @Post()
  @Roles(...WRITE_ROLES)
  @ApiCreatedResponse({ type: SchoolDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  async create(
    @CurrentPerson() me: AuthenticatedPerson,
    @Body() body: CreateSchoolDto,
  ): Promise<SchoolDto> {
    return SchoolDto.from(await this.schools.create(me.organisationId, body));
  }

  @Patch(':id')
  @Roles(...WRITE_ROLES)
  @ApiOkResponse({ type: SchoolDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  async update(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: UpdateSchoolDto,
  ): Promise<SchoolDto> {
    return SchoolDto.from(await this.schools.update(me.organisationId, id, body));
  }

  @Delete(':id')
  @Roles(...WRITE_ROLES)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'The school still has people linked to it',
  })
  async remove(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<void> {
    await this.schools.remove(me.organisationId, id);
  }
}
