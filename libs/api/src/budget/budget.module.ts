import { Global, Module } from '@nestjs/common';
import { TasksController } from '../tasks/tasks.controller';
import { BudgetController } from './budget.controller';
import { BudgetService } from './budget.service';

/** Global so that the web app's cycle pages and vote form use the same BudgetService. */
@Global()
@Module({
  controllers: [BudgetController, TasksController],
  providers: [BudgetService],
  exports: [BudgetService],
})
export class BudgetModule {}
