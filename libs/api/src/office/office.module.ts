import { Global, Module } from '@nestjs/common';
import { OfficeController } from './office.controller';
import { OfficeService } from './office.service';

/** Global so that the web app's home page and agenda use the same OfficeService. */
@Global()
@Module({
  controllers: [OfficeController],
  providers: [OfficeService],
  exports: [OfficeService],
})
export class OfficeModule {}
