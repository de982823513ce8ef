import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Organisation, School, SchoolBoard } from '@jaarcyclus/persistence';
import { OrganisationService } from '../organisation/organisation.service';
import { AccountabilityCyclesService } from '../accountability/accountability-cycles.service';
import { AccountabilityFormatsService } from '../accountability/accountability-formats.service';
import { SchoolAccountabilityService } from '../accountability/school-accountability.service';
import { AuthModule } from '../auth/auth.module';
import { BoardsService } from '../boards/boards.service';
import { BodiesService } from '../bodies/bodies.service';
import { PersonsService } from '../persons/persons.service';
import { SchoolsService } from '../schools/schools.service';
import { CalendarFeeds } from './calendar/calendar-feeds';
import {
  AccountabilityOverviewController,
  MySchoolsController,
  SchoolAccountabilityController,
} from './controllers/accountability.controller';
import { AccountabilityFormatController } from './controllers/accountability-format.controller';
import { AdminController } from './controllers/admin.controller';
import { AssetsController } from './controllers/assets.controller';
import { CalendarController } from './controllers/calendar.controller';
import { CyclesController } from './controllers/cycles.controller';
import { NotFoundController } from './controllers/not-found.controller';
import { RootController } from './controllers/root.controller';
import { TasksController } from './controllers/tasks.controller';
import { CsrfGuard, CsrfTokens } from './csrf';
import { TasksRepository } from './tasks.repository';
import { WebExceptionFilter } from './web-exception.filter';
import { WebPages } from './web-pages';

/**
 * The server-rendered web app for people (secretariat, board members, schools, administrators).
 *
 * The master-data services are provided here from their own classes (their modules do not
 * export them): the same validation and tenant checks as the JSON api, no second copy of them.
 * The VoteGateway is bound by the budget module (see vote-gateway.ts); the cycle pages use its
 * BudgetService (exported by the global budget module), the same code as the JSON api. The
 * accountability pages use the accountability services, provided here from their own classes.
 * Proposal files go through the global DocumentsService: the checks of POST /api/documents.
 */
@Module({
  imports: [AuthModule, TypeOrmModule.forFeature([SchoolBoard, School, Organisation])],
  controllers: [
    RootController,
    AssetsController,
    TasksController,
    CyclesController,
    SchoolAccountabilityController,
    // Before the overview: /app/cycles/accountability/format is not a year.
    AccountabilityFormatController,
    AccountabilityOverviewController,
    MySchoolsController,
    CalendarController,
    AdminController,
    // Last: the catch-all for unknown /app paths.
    NotFoundController,
  ],
  providers: [
    WebPages,
    CsrfTokens,
    CsrfGuard,
    WebExceptionFilter,
    TasksRepository,
    CalendarFeeds,
    BoardsService,
    SchoolsService,
    PersonsService,
    BodiesService,
    OrganisationService,
    AccountabilityFormatsService,
    AccountabilityCyclesService,
    SchoolAccountabilityService,
  ],
})
export class WebModule {}
