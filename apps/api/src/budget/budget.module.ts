import { Global, Module } from '@nestjs/common';
import { TasksController } from '../tasks/tasks.controller';
import { VoteGateway } from '../web/vote-gateway';
import { BudgetVoteGateway } from './budget-vote.gateway';
import { BudgetController } from './budget.controller';
import { BudgetService } from './budget.service';

/** Global so that the web app's vote form finds the VoteGateway bound here. */
@Global()
@Module({
  controllers: [BudgetController, TasksController],
  providers: [BudgetService, { provide: VoteGateway, useClass: BudgetVoteGateway }],
  exports: [BudgetService, VoteGateway],
})
export class BudgetModule {}
