import { Global, Module } from '@nestjs/common';
import { DocumentsService } from './documents.service';

/**
 * The document store, global so that the api's documents controller (declared by the budget
 * module) and the web app's upload forms use the same service and its checks.
 */
@Global()
@Module({
  providers: [DocumentsService],
  exports: [DocumentsService],
})
export class DocumentsModule {}
