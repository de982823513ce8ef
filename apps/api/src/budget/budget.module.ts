import { Module } from '@nestjs/common';
import { DocumentsController } from '../documents/documents.controller';
import { TasksController } from '../tasks/tasks.controller';
import { BudgetController } from './budget.controller';
import { BudgetService } from './budget.service';

@Module({
  controllers: [BudgetController, TasksController, DocumentsController],
  providers: [BudgetService],
  exports: [BudgetService],
})
export class BudgetModule {}
