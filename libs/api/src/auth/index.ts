/** For other feature modules (e.g. the budget cycle): the guard is global, these describe routes. */
export type { AuthenticatedPerson, AuthenticatedRequest } from './authenticated-person';
export { CurrentPerson, PlatformRoles, Public, READ_ROLES, Roles, WRITE_ROLES } from './decorators';
export { SESSION_COOKIE, SessionGuard } from './session.guard';
export { AuthModule } from './auth.module';
export { safeReturnPath } from './return-path';
