import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { PlatformRole, Role } from '@jaarcyclus/persistence';
import type { AuthenticatedPerson, AuthenticatedRequest } from './authenticated-person';

export const IS_PUBLIC_KEY = 'jaarcyclus:public';
export const ROLES_KEY = 'jaarcyclus:roles';
export const PLATFORM_ROLES_KEY = 'jaarcyclus:platform-roles';

/** The route needs no session (health, sign-in). Every other route does. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/** The signed-in person needs at least one of these roles; others get 403. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, roles);

/**
 * The signed-in person needs one of these platform roles (operator), whatever their roles in
 * their SWV; others get 403. For routes that reach across SWVs.
 */
export const PlatformRoles = (...roles: PlatformRole[]): MethodDecorator & ClassDecorator =>
  SetMetadata(PLATFORM_ROLES_KEY, roles);

export const ALSO_BESTUURDER_KEY = 'jaarcyclus:also-bestuurder';

/**
 * With @Roles: a bestuurder of one of the SWV's school boards may also pass, whatever their
 * roles (which schools they then see is the route's own check).
 */
export const AlsoBestuurder = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ALSO_BESTUURDER_KEY, true);

/** Who may read the SWV's master data: the office (secretariat, director) and its administrators. */
export const READ_ROLES: Role[] = ['admin', 'secretariat', 'director'];
/** Who may change it: administrators of the SWV only. */
export const WRITE_ROLES: Role[] = ['admin'];

/** The signed-in person (set by SessionGuard); only on routes that are not @Public(). */
export const CurrentPerson = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthenticatedPerson => {
    const person = ctx.switchToHttp().getRequest<AuthenticatedRequest>().person;
    if (!person)
      throw new Error('CurrentPerson used on a route without a session (is it @Public()?)');
    return person;
  },
);
