import { Global, Module } from '@nestjs/common';
import { AccountabilityModule } from '../accountability/accountability.module';
import { EctEvaluationController } from './ect-evaluation.controller';
import { EctEvaluationService } from './ect-evaluation.service';

/** Global so that the web app's pages use the same EctEvaluationService. */
@Global()
@Module({
  imports: [AccountabilityModule],
  controllers: [EctEvaluationController],
  providers: [EctEvaluationService],
  exports: [EctEvaluationService],
})
export class EctEvaluationModule {}
