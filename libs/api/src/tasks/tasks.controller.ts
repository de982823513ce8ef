import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { TaskRepository } from '@jaarcyclus/persistence';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import { CurrentPerson } from '../auth/decorators';
import { SESSION_COOKIE } from '../auth/session.guard';
import { ErrorResponseDto } from '../common/api-errors';
import { paged, PageQueryDto } from '../common/pagination';

/** A person's to-dos across every cycle (vote, adopt, submit, review), most urgent first. */
@ApiTags('tasks')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@Controller('api/me/tasks')
export class TasksController {
  constructor(private readonly tasks: TaskRepository) {}

  @Get()
  @ApiOkResponse({
    description: 'Open tasks first (earliest deadline first), then done and cancelled ones',
  })
  async list(
    @CurrentPerson() me: AuthenticatedPerson,
    @Query() page: PageQueryDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const rows = paged(res, await this.tasks.listForPerson(me.organisationId, me.id), page);
    return rows.map((t) => ({
      id: t.id,
      kind: t.kind,
      title: t.title,
      status: t.status,
      dueAt: t.dueAt?.toISOString() ?? null,
      workflowId: t.workflowId,
      refKey: t.refKey,
      payload: t.payload,
      createdAt: t.createdAt.toISOString(),
      completedAt: t.completedAt?.toISOString() ?? null,
    }));
  }
}
