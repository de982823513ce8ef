import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { TemporalClientHolder } from './temporal-client.holder';

@Global()
@Module({})
export class TemporalModule {
  static register(client: Client | null): DynamicModule {
    return {
      module: TemporalModule,
      providers: [
        { provide: TemporalClientHolder, useFactory: () => new TemporalClientHolder(client) },
      ],
      exports: [TemporalClientHolder],
    };
  }
}
