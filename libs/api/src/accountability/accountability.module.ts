import { Module } from '@nestjs/common';
import { AccountabilityCyclesService } from './accountability-cycles.service';
import { AccountabilityFormatsService } from './accountability-formats.service';
import {
  AccountabilityCyclesController,
  AccountabilityFormatsController,
} from './accountability.controller';
import { AccountabilityReplyNotices } from './reply-notices';
import { SchoolAccountabilityService } from './school-accountability.service';

/** The 1 February accountability (docs/domain.md §2; docs/domain.md, source 001 §7.4): formats, cycles, schools. */
@Module({
  controllers: [AccountabilityFormatsController, AccountabilityCyclesController],
  providers: [
    AccountabilityFormatsService,
    AccountabilityCyclesService,
    SchoolAccountabilityService,
    AccountabilityReplyNotices,
  ],
  exports: [AccountabilityFormatsService, AccountabilityCyclesService, SchoolAccountabilityService],
})
export class AccountabilityModule {}
