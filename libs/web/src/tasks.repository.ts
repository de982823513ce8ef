import { Injectable } from '@nestjs/common';
import { Task } from '@jaarcyclus/persistence';
import { DataSource, In, IsNull, Not } from 'typeorm';

/** How many completed tasks the overview lists (most recent first). */
const DONE_SHOWN = 25;

/**
 * The tasks of one person, always scoped by person and tenant: another person's or another
 * SWV's task id is answered exactly like an unknown id.
 */
@Injectable()
export class TasksRepository {
  constructor(private readonly ds: DataSource) {}

  /** Open tasks, most urgent first (no deadline last); then the latest completed ones. */
  async overview(
    organisationId: string,
    personId: string,
  ): Promise<{ open: Task[]; closed: Task[] }> {
    const repo = this.ds.getRepository(Task);
    const [open, closed] = await Promise.all([
      repo.find({
        where: { organisationId, personId, status: 'open' },
        order: { dueAt: { direction: 'ASC', nulls: 'LAST' }, createdAt: 'ASC', id: 'ASC' },
      }),
      repo.find({
        where: { organisationId, personId, status: In(['done', 'cancelled']) },
        order: { completedAt: { direction: 'DESC', nulls: 'LAST' }, createdAt: 'DESC', id: 'ASC' },
        take: DONE_SHOWN,
      }),
    ]);
    return { open, closed };
  }

  async find(organisationId: string, personId: string, id: string): Promise<Task | null> {
    return this.ds.getRepository(Task).findOne({ where: { id, organisationId, personId } });
  }

  /** Open tasks with a deadline: the calendar feed. */
  async openWithDeadline(organisationId: string, personId: string): Promise<Task[]> {
    return this.ds.getRepository(Task).find({
      where: { organisationId, personId, status: 'open', dueAt: Not(IsNull()) },
      order: { dueAt: 'ASC', id: 'ASC' },
    });
  }
}
