import {
  Body,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Res,
  type Type,
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
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import { CurrentPerson, READ_ROLES, Roles, WRITE_ROLES } from '../auth/decorators';
import { SESSION_COOKIE } from '../auth/session.guard';
import { ErrorResponseDto } from './api-errors';
import { paged, PageQueryDto } from './pagination';
import type { TenantCrud } from './tenant-crud.service';
import { UuidParamPipe } from './uuid-param.pipe';

export interface TenantCrudRoutes<E, D, C, U> {
  /** The entity's service, a provider of its module. */
  service: Type<TenantCrud<E, C, U>>;
  /** The response body, and how a row becomes one. */
  response: Type<D> & { from(row: E): D };
  /** The bodies of POST and PATCH: validated by the global ValidationPipe and documented. */
  createBody: Type<C>;
  updateBody: Type<U>;
  /** The OpenAPI description of DELETE's 409: what still uses the record. */
  deleteConflict: string;
}

/**
 * The JSON routes of one kind of master data, for a controller class that adds its own
 * `@ApiTags` and `@Controller('api/<kind>')`:
 *
 * | route | roles | answers |
 * | --- | --- | --- |
 * | GET / | READ_ROLES | 200 one page of the SWV's rows, sorted by name (?limit, ?offset; X-Total-Count) |
 * | GET /:id | READ_ROLES | 200; 404 for an unknown id or another SWV's |
 * | POST / | WRITE_ROLES | 201; 400 malformed body, 409 duplicate, 422 rule or reference |
 * | PATCH /:id | WRITE_ROLES | 200; as POST, and 404 as GET |
 * | DELETE /:id | WRITE_ROLES | 204; 404 as GET, 409 still in use |
 *
 * A malformed id is a 400 (UuidParamPipe); no session 401, a missing role 403.
 *
 * Nest and Swagger read a parameter's type from TypeScript's `design:paramtypes`, which a
 * generic `@Body() body: C` records as `Object`: the global ValidationPipe would then check
 * nothing and the OpenAPI document would show no request body. So the routes' body types are
 * recorded here from `createBody` and `updateBody`; tenant-crud.int-spec.ts checks both.
 */
export function TenantCrudController<E, D, C, U>(routes: TenantCrudRoutes<E, D, C, U>) {
  const { service, response, createBody, updateBody, deleteConflict } = routes;

  @ApiBearerAuth()
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  class TenantCrudRoutesController {
    constructor(@Inject(service) protected readonly service: TenantCrud<E, C, U>) {}

    @Get()
    @Roles(...READ_ROLES)
    @ApiOkResponse({
      type: [response],
      description: 'One page (?limit, ?offset); X-Total-Count holds the whole count',
    })
    async list(
      @CurrentPerson() me: AuthenticatedPerson,
      @Query() page: PageQueryDto,
      @Res({ passthrough: true }) res: Response,
    ): Promise<D[]> {
      const rows = await this.service.list(me.organisationId);
      return paged(res, rows, page).map((row) => response.from(row));
    }

    @Get(':id')
    @Roles(...READ_ROLES)
    @ApiOkResponse({ type: response })
    @ApiNotFoundResponse({ type: ErrorResponseDto })
    async get(
      @CurrentPerson() me: AuthenticatedPerson,
      @Param('id', UuidParamPipe) id: string,
    ): Promise<D> {
      return response.from(await this.service.get(me.organisationId, id));
    }

    @Post()
    @Roles(...WRITE_ROLES)
    @ApiCreatedResponse({ type: response })
    @ApiBadRequestResponse({ type: ErrorResponseDto })
    @ApiConflictResponse({ type: ErrorResponseDto })
    @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
    async create(@CurrentPerson() me: AuthenticatedPerson, @Body() body: C): Promise<D> {
      return response.from(await this.service.create(me.organisationId, body));
    }

    @Patch(':id')
    @Roles(...WRITE_ROLES)
    @ApiOkResponse({ type: response })
    @ApiBadRequestResponse({ type: ErrorResponseDto })
    @ApiNotFoundResponse({ type: ErrorResponseDto })
    @ApiConflictResponse({ type: ErrorResponseDto })
    @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
    async update(
      @CurrentPerson() me: AuthenticatedPerson,
      @Param('id', UuidParamPipe) id: string,
      @Body() body: U,
    ): Promise<D> {
      return response.from(await this.service.update(me.organisationId, id, body));
    }

    @Delete(':id')
    @Roles(...WRITE_ROLES)
    @HttpCode(HttpStatus.NO_CONTENT)
    @ApiNoContentResponse()
    @ApiNotFoundResponse({ type: ErrorResponseDto })
    @ApiConflictResponse({ type: ErrorResponseDto, description: deleteConflict })
    async remove(
      @CurrentPerson() me: AuthenticatedPerson,
      @Param('id', UuidParamPipe) id: string,
    ): Promise<void> {
      await this.service.remove(me.organisationId, id);
    }
  }

  // What `@Body() body: C` and `@Body() body: U` would record if they were not generic.
  const proto = TenantCrudRoutesController.prototype;
  Reflect.defineMetadata('design:paramtypes', [Object, createBody], proto, 'create');
  Reflect.defineMetadata('design:paramtypes', [Object, String, updateBody], proto, 'update');
  return TenantCrudRoutesController;
}
