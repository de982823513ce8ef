import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type VoteValue } from '@jaarcyclus/domain';
import { Task } from '@jaarcyclus/persistence';
import { castVoteUpdate } from '@jaarcyclus/workflows';
import type { DataSource } from 'typeorm';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import { TemporalClientHolder } from '../temporal/temporal-client.holder';
import { VoteGateway } from '../web/vote-gateway';
import { mapWorkflowErrors } from './workflow-errors';

/**
 * The vote form of the web app: the task (`refKey` 'round:<n>:body:<key>') says which cycle and
 * body the vote is for; the workflow decides whether it still counts.
 */
@Injectable()
export class BudgetVoteGateway extends VoteGateway {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly temporal: TemporalClientHolder,
  ) {
    super();
  }

  async castVote(person: AuthenticatedPerson, taskId: string, value: VoteValue, comment: string | null): Promise<void> {
    const task = await this.ds.getRepository(Task).findOneBy({ id: taskId, organisationId: person.organisationId, personId: person.id, kind: 'vote' });
    if (!task) throw new DomainError('NOT_FOUND', 'Task not found');
    const bodyKey = /:body:([a-z0-9_-]+)$/.exec(task.refKey)?.[1];
    if (!bodyKey) throw new DomainError('NOT_FOUND', 'Task not found');
    const handle = this.temporal.require().workflow.getHandle(task.workflowId);
    await mapWorkflowErrors('This cycle no longer exists', () =>
      handle.executeUpdate(castVoteUpdate, { args: [{ personId: person.id, bodyKey, value, ...(comment ? { comment } : {}) }] }),
    );
  }
}
