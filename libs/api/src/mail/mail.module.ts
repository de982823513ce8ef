import { Global, Module } from '@nestjs/common';
import { createSmtpTransport, OutboxService } from '@jaarcyclus/mail';
// Wiring, no query: the outbox (libs/mail) runs its statements through OutboxRepository.
// eslint-disable-next-line no-restricted-imports
import { DataSource } from 'typeorm';
import { ApiConfig } from '../config';
import { MailDispatcher } from './mail-dispatcher';

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
  exports: [OutboxService, MailDispatcher],
})
export class MailModule {}
