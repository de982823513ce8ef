import { Controller, Get } from '@nestjs/common';
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
  async list(@CurrentPerson() me: AuthenticatedPerson) {
    const rows = await this.tasks.listForPerson(me.organisationId, me.id);
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
