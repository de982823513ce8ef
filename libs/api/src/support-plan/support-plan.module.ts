import { Global, Module } from '@nestjs/common';
import { SupportPlanController } from './support-plan.controller';
import { SupportPlanService } from './support-plan.service';

/** Global so that the web app's pages use the same SupportPlanService. */
@Global()
@Module({
  controllers: [SupportPlanController],
  providers: [SupportPlanService],
  exports: [SupportPlanService],
})
export class SupportPlanModule {}
