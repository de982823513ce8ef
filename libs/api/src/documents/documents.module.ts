import { Global, Module } from '@nestjs/common';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

/**
 * The document store: the api's upload and download routes, and the service with its checks,
 * global so that the web app's upload forms use the same one. Documents no cycle used are
 * removed by the nightly housekeeping (the worker's housekeepingWorkflow, on a Temporal
 * Schedule).
 */
@Global()
@Module({
  controllers: [DocumentsController],
  providers: [DocumentsService],
  exports: [DocumentsService],
})
export class DocumentsModule {}
