import { Module } from '@nestjs/common';
import { AccountabilityModule } from '@jaarcyclus/api/accountability/accountability.module';
import { AuthModule } from '@jaarcyclus/api/auth/auth.module';
import { BoardsModule } from '@jaarcyclus/api/boards/boards.module';
import { BodiesModule } from '@jaarcyclus/api/bodies/bodies.module';
import { ImportModule } from '@jaarcyclus/api/import/import.module';
import { OrganisationModule } from '@jaarcyclus/api/organisation/organisation.module';
import { PersonsModule } from '@jaarcyclus/api/persons/persons.module';
import { SchoolsModule } from '@jaarcyclus/api/schools/schools.module';
import { VisitationModule } from '@jaarcyclus/api/visitation/visitation.module';
import { AdminController } from './admin/admin.controller';
import { BoardsAdminController } from './admin/boards.controller';
import { BodiesAdminController } from './admin/bodies.controller';
import { ImportAdminController } from './admin/import.controller';
import { PersonsAdminController } from './admin/persons.controller';
import { SchoolsAdminController } from './admin/schools.controller';
import { SettingsAdminController } from './admin/settings.controller';
import { TransitionSettingsAdminController } from './admin/transition-settings.controller';
import { CalendarFeeds } from './calendar/calendar-feeds';
import {
  AccountabilityOverviewController,
  MySchoolsController,
  SchoolAccountabilityController,
} from './controllers/accountability.controller';
import { AccountabilityFormatController } from './controllers/accountability-format.controller';
import { AssetsController } from './controllers/assets.controller';
import { CalendarController } from './controllers/calendar.controller';
import { CyclesController } from './controllers/cycles.controller';
import {
  EctEvaluationFormController,
  EctEvaluationPagesController,
} from './controllers/ect-evaluation.controller';
import { NotFoundController } from './controllers/not-found.controller';
import { RootController } from './controllers/root.controller';
import { SignInLinkController } from './controllers/sign-in-link.controller';
import { SupportPlanPagesController } from './controllers/support-plan.controller';
import { TaskPagesController } from './controllers/tasks.controller';
import { VisitationPagesController } from './controllers/visitation.controller';
import { TransitionPagesController } from './controllers/transitions.controller';
import { CsrfGuard, CsrfTokens } from './csrf';
import { LettersController } from './letters/letters.controller';
import { TransitionsModule } from '@jaarcyclus/api/transitions/transitions.module';
import { WebExceptionFilter } from './web-exception.filter';
import { WebPages } from './web-pages';

/**
 * The server-rendered web app for people (secretariat, board members, schools, administrators).
 *
 * It uses the api's services through their modules' exports (the same validation and tenant
 * checks as the JSON api, never a second copy): master data, the accountability services, the
 * global BudgetModule (cycle pages and the vote form) and the global DocumentsService (proposal
 * files get the checks of POST /api/documents). The api's modules never import the web app.
 */
@Module({
  imports: [
    AuthModule,
    BoardsModule,
    SchoolsModule,
    PersonsModule,
    BodiesModule,
    OrganisationModule,
    AccountabilityModule,
    ImportModule,
    VisitationModule,
    TransitionsModule,
  ],
  controllers: [
    RootController,
    SignInLinkController,
    AssetsController,
    TaskPagesController,
    CyclesController,
    SupportPlanPagesController,
    EctEvaluationPagesController,
    EctEvaluationFormController,
    SchoolAccountabilityController,
    // Before the overview: /app/cycles/accountability/format is not a year.
    AccountabilityFormatController,
    AccountabilityOverviewController,
    MySchoolsController,
    TransitionPagesController,
    CalendarController,
    VisitationPagesController,
    LettersController,
    // "Beheer" (/app/admin): the overview and deleting, then each kind's pages.
    AdminController,
    BoardsAdminController,
    SchoolsAdminController,
    PersonsAdminController,
    BodiesAdminController,
    SettingsAdminController,
    TransitionSettingsAdminController,
    ImportAdminController,
    // Last: the catch-all for unknown /app paths.
    NotFoundController,
  ],
  providers: [WebPages, CsrfTokens, CsrfGuard, WebExceptionFilter, CalendarFeeds],
  // The application's exception filter (apps/api) answers browsers with these pages.
  exports: [WebPages, WebExceptionFilter],
})
export class WebModule {}
