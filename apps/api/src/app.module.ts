import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@jaarcyclus/persistence';
import type { Client } from '@temporalio/client';
import { AccountabilityModule } from './accountability/accountability.module';
import { AuthModule } from './auth/auth.module';
import { BodiesModule } from './bodies/bodies.module';
import { BudgetModule } from './budget/budget.module';
import { BoardsModule } from './boards/boards.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { createValidationPipe } from './common/validation';
import { ApiConfig } from './config';
import { DocumentsModule } from './documents/documents.module';
import { HousekeepingModule } from './housekeeping/housekeeping';
import { HealthController } from './health/health.controller';
import { MailModule } from './mail/mail.module';
import { MeController } from './me/me.controller';
import { OrganisationModule } from './organisation/organisation.module';
import { PersonsModule } from './persons/persons.module';
import { SchoolsModule } from './schools/schools.module';
import { TemporalModule } from './temporal/temporal.module';
import { WebModule } from './web/web.module';

@Module({})
class ConfigModule {
  static register(config: ApiConfig): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [{ provide: ApiConfig, useValue: config }],
      exports: [ApiConfig],
    };
  }
}

@Module({})
export class AppModule {
  static register(config: ApiConfig, temporalClient: Client | null): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.databaseUrl),
          // Refused writes (409/422) are expected here; real failures are logged by the exception filter.
          logging: false,
          // main.ts checks the database before starting, so no silent connect retries here.
          retryAttempts: 0,
        }),
        TemporalModule.register(temporalClient),
        MailModule,
        AuthModule,
        OrganisationModule,
        BoardsModule,
        SchoolsModule,
        PersonsModule,
        BodiesModule,
        DocumentsModule,
        HousekeepingModule,
        BudgetModule,
        AccountabilityModule,
        WebModule,
      ],
      controllers: [HealthController, MeController],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}
