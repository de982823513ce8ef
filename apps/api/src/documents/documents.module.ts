import { Global, Module } from '@nestjs/common';
import { DocumentsJanitor } from './documents-janitor';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

/**
 * The document store: the api's upload and download routes, and the service with its checks,
 * global so that the web app's upload forms use the same one; and the daily removal of
 * documents no cycle used (DocumentsJanitor).
 */
@Global()
@Module({
  controllers: [DocumentsController],
  providers: [DocumentsService, DocumentsJanitor],
  exports: [DocumentsService],
})
export class DocumentsModule {}
