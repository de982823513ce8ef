import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Task } from '@jaarcyclus/persistence';
import type { DataSource } from 'typeorm';
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
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Get()
  @ApiOkResponse({
    description: 'Open tasks first (earliest deadline first), then done and cancelled ones',
  })
  async list(@CurrentPerson() me: AuthenticatedPerson) {
    const rows = await this.ds
      .getRepository(Task)
      .createQueryBuilder('t')
      .where('t.organisation_id = :org AND t.person_id = :person', {
        org: me.organisationId,
        person: me.id,
      })
      .orderBy("CASE WHEN t.status = 'open' THEN 0 ELSE 1 END", 'ASC')
      .addOrderBy('t.due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('t.created_at', 'DESC')
      .getMany();
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
