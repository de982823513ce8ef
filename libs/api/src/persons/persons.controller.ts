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
import { PersonsService } from './persons.service';
import { CreatePersonDto, PersonDto, UpdatePersonDto } from './dto/person.dto';

@ApiTags('persons')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@Controller('api/persons')
export class PersonsController {
  constructor(private readonly persons: PersonsService) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOkResponse({ type: [PersonDto] })
  async list(@CurrentPerson() me: AuthenticatedPerson): Promise<PersonDto[]> {
    return (await this.persons.list(me.organisationId)).map(PersonDto.from);
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  @ApiOkResponse({ type: PersonDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<PersonDto> {
    return PersonDto.from(await this.persons.get(me.organisationId, id));
  }

  @Post()
  @Roles(...WRITE_ROLES)
  @ApiCreatedResponse({ type: PersonDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  async create(
    @CurrentPerson() me: AuthenticatedPerson,
    @Body() body: CreatePersonDto,
  ): Promise<PersonDto> {
    return PersonDto.from(await this.persons.create(me.organisationId, body));
  }

  @Patch(':id')
  @Roles(...WRITE_ROLES)
  @ApiOkResponse({ type: PersonDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  async update(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: UpdatePersonDto,
  ): Promise<PersonDto> {
    return PersonDto.from(await this.persons.update(me.organisationId, id, body));
  }

  @Delete(':id')
  @Roles(...WRITE_ROLES)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description:
      'The person is still referenced (bestuurder, body member, chair, ECT member or task)',
  })
  async remove(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<void> {
    await this.persons.remove(me.organisationId, id);
  }
}
