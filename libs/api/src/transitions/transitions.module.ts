import { Module } from '@nestjs/common';
import { TransitionsController } from './transitions.controller';
import { TransitionsService } from './transitions.service';

/** Schakeltrajecten vso → regulier vo (docs/domain.md §4, source 001 §3.2). */
@Module({
  controllers: [TransitionsController],
  providers: [TransitionsService],
  exports: [TransitionsService],
})
export class TransitionsModule {}
