import { Module } from '@nestjs/common';
import { VisitationProgrammesController, VisitsController } from './visitation.controller';
import { VisitationService } from './visitation.service';

/** Collegial visitations and audits: programmes, proposals, publish, and each visit's commands. */
@Module({
  controllers: [VisitationProgrammesController, VisitsController],
  providers: [VisitationService],
  exports: [VisitationService],
})
export class VisitationModule {}
