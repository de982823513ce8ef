import { Module } from '@nestjs/common';
import { AccountabilityCyclesService } from './accountability-cycles.service';
import { AccountabilityFormatsService } from './accountability-formats.service';
import {
  AccountabilityCyclesController,
  AccountabilityFormatsController,
} from './accountability.controller';
import { SchoolAccountabilityService } from './school-accountability.service';

/** The 1 February accountability (DOMAIN §2; seed 001 §7.4): formats, cycles, schools. */
@Module({
  controllers: [AccountabilityFormatsController, AccountabilityCyclesController],
  providers: [
    AccountabilityFormatsService,
    AccountabilityCyclesService,
    SchoolAccountabilityService,
  ],
  exports: [AccountabilityFormatsService, AccountabilityCyclesService, SchoolAccountabilityService],
})
export class AccountabilityModule {}
