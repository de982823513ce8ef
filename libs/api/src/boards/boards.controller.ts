import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { TenantCrudController } from '../common/tenant-crud.controller';
import { BoardsService } from './boards.service';
import { BoardDto, CreateBoardDto, UpdateBoardDto } from './dto/board.dto';

/** The SWV's school boards: the routes, roles and refusals of TenantCrudController. */
@ApiTags('school boards')
@Controller('api/boards')
export class BoardsController extends TenantCrudController({
  service: BoardsService,
  response: BoardDto,
  createBody: CreateBoardDto,
  updateBody: UpdateBoardDto,
  deleteConflict: 'The board still has schools or people',
}) {}
