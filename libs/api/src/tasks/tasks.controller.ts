import { Controller, Get, Query, Res } from '@nestjs/common';
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
import type { Response } from 'express';
import { TASK_PAGE_DEFAULT, TaskPageDto } from './tasks.dto';

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
    description:
      'Open tasks first (earliest deadline first), then done and cancelled ones; one page (see limit, offset). While more follow, the Link header has the next page (rel="next").',
  })
  async list(
    @CurrentPerson() me: AuthenticatedPerson,
    @Query() page: TaskPageDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const limit = page.limit ?? TASK_PAGE_DEFAULT;
    const offset = page.offset ?? 0;
    // One more than the page: whether a next page exists, without counting every task.
    const rows = await this.tasks.listForPerson(me.organisationId, me.id, {
      offset,
      limit: limit + 1,
    });
    if (rows.length > limit) {
      res.set('Link', `</api/me/tasks?limit=${limit}&offset=${offset + limit}>; rel="next"`);
      rows.length = limit;
    }
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
