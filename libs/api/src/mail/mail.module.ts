import { Global, Module } from '@nestjs/common';
import { createSmtpTransport, OutboxService } from '@jaarcyclus/mail';
// Wiring, no query: the outbox (libs/mail) runs its statements through OutboxRepository.
// eslint-disable-next-line no-restricted-imports
import { DataSource } from 'typeorm';
import { ApiConfig } from '../config';
import { MailDispatcher } from './mail-dispatcher';
import { MailProblemsController } from './mail-problems.controller';

@Global()
@Module({
  providers: [
    {
      provide: OutboxService,
      inject: [DataSource, ApiConfig],
      useFactory: (ds: DataSource, config: ApiConfig) =>
        new OutboxService(ds, createSmtpTransport(config.smtpUrl), config.mailFrom),
    },
    MailDispatcher,
  ],
  controllers: [MailProblemsController],
  exports: [OutboxService, MailDispatcher],
})
export class MailModule {}
