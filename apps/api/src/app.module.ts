import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@jaarcyclus/persistence';
import type { Client } from '@temporalio/client';
import { AccountabilityModule } from '@jaarcyclus/api/accountability/accountability.module';
import { AuthModule } from '@jaarcyclus/api/auth/auth.module';
import { BodiesModule } from '@jaarcyclus/api/bodies/bodies.module';
import { BudgetModule } from '@jaarcyclus/api/budget/budget.module';
import { BoardsModule } from '@jaarcyclus/api/boards/boards.module';
import { createValidationPipe } from '@jaarcyclus/api/common/validation';
import { ApiConfig } from '@jaarcyclus/api/config';
import { DocumentsModule } from '@jaarcyclus/api/documents/documents.module';
import { ImportModule } from '@jaarcyclus/api/import/import.module';
import { EctEvaluationModule } from '@jaarcyclus/api/ect-evaluation/ect-evaluation.module';
import { HealthController } from '@jaarcyclus/api/health/health.controller';
import { MailModule } from '@jaarcyclus/api/mail/mail.module';
import { MeController } from '@jaarcyclus/api/me/me.controller';
import { MetricsController } from '@jaarcyclus/api/metrics/metrics.controller';
import { MetricsService } from '@jaarcyclus/api/metrics/metrics.service';
import { OrganisationModule } from '@jaarcyclus/api/organisation/organisation.module';
import { PersistenceModule } from '@jaarcyclus/api/persistence/persistence.module';
import { PlatformModule } from '@jaarcyclus/api/platform/platform.module';
import { PersonsModule } from '@jaarcyclus/api/persons/persons.module';
import { SchoolsModule } from '@jaarcyclus/api/schools/schools.module';
import { SupportPlanModule } from '@jaarcyclus/api/support-plan/support-plan.module';
import { TemporalModule } from '@jaarcyclus/api/temporal/temporal.module';
import { TemporalCodecModule } from '@jaarcyclus/api/temporal/temporal-codec.module';
import { VisitationModule } from '@jaarcyclus/api/visitation/visitation.module';
import { TransitionsModule } from '@jaarcyclus/api/transitions/transitions.module';
import { OfficeModule } from '@jaarcyclus/api/office/office.module';
import { BrowserAwareExceptionFilter } from '@jaarcyclus/web/web-exception.filter';
import { WebModule } from '@jaarcyclus/web/web.module';

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
        PersistenceModule,
        TemporalModule.register(temporalClient),
        TemporalCodecModule,
        MailModule,
        AuthModule,
        OrganisationModule,
        BoardsModule,
        SchoolsModule,
        PersonsModule,
        BodiesModule,
        DocumentsModule,
        BudgetModule,
        AccountabilityModule,
        PlatformModule,
        ImportModule,
        SupportPlanModule,
        EctEvaluationModule,
        VisitationModule,
        TransitionsModule,
        OfficeModule,
        WebModule,
      ],
      controllers: [HealthController, MeController, MetricsController],
      providers: [
        MetricsService,
        { provide: APP_PIPE, useFactory: createValidationPipe },
        // JSON for API clients, pages for browsers (libs/web decides which is which).
        { provide: APP_FILTER, useClass: BrowserAwareExceptionFilter },
      ],
    };
  }
}
