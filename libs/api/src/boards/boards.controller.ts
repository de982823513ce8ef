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
import { BoardsService } from './boards.service';
import { BoardDto, CreateBoardDto, UpdateBoardDto } from './dto/board.dto';

@ApiTags('school boards')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@Controller('api/boards')
export class BoardsController {
  constructor(private readonly boards: BoardsService) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOkResponse({ type: [BoardDto] })
  async list(@CurrentPerson() me: AuthenticatedPerson): Promise<BoardDto[]> {
    return (await this.boards.list(me.organisationId)).map(BoardDto.from);
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  @ApiOkResponse({ type: BoardDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<BoardDto> {
    return BoardDto.from(await this.boards.get(me.organisationId, id));
  }

  @Post()
  @Roles(...WRITE_ROLES)
  @ApiCreatedResponse({ type: BoardDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  async create(
    @CurrentPerson() me: AuthenticatedPerson,
    @Body() body: CreateBoardDto,
  ): Promise<BoardDto> {
    return BoardDto.from(await this.boards.create(me.organisationId, body));
  }

  @Patch(':id')
  @Roles(...WRITE_ROLES)
  @ApiOkResponse({ type: BoardDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  async update(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: UpdateBoardDto,
  ): Promise<BoardDto> {
    return BoardDto.from(await this.boards.update(me.organisationId, id, body));
  }

  @Delete(':id')
  @Roles(...WRITE_ROLES)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'The board still has schools or people',
  })
  async remove(
    @CurrentPerson() me: AuthenticatedPerson,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<void> {
    await this.boards.remove(me.organisationId, id);
  }
}
