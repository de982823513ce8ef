import { Module } from '@nestjs/common';
import {
  VisitationPartnershipsController,
  VisitationProgrammesController,
  VisitsController,
} from './visitation.controller';
import { VisitationService } from './visitation.service';

/** Collegial visitations and audits: programmes, proposals, publish, and each visit's commands. */
@Module({
  controllers: [VisitationProgrammesController, VisitationPartnershipsController, VisitsController],
  providers: [VisitationService],
  exports: [VisitationService],
})
export class VisitationModule {}
