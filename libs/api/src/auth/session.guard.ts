import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { PlatformRole, Role } from '@jaarcyclus/persistence';
import { AuthService } from './auth.service';
import type { AuthenticatedRequest } from './authenticated-person';
import { ApiConfig, SESSION_COOKIE_NAME } from '../config';
import { ALSO_BESTUURDER_KEY, IS_PUBLIC_KEY, PLATFORM_ROLES_KEY, ROLES_KEY } from './decorators';

/**
 * The name of the session cookie's security scheme in the OpenAPI document, and the cookie's
 * name over http; over https the cookie is `__Host-jc_session` (ApiConfig.sessionCookie).
 */
export const SESSION_COOKIE = SESSION_COOKIE_NAME;

/**
 * Global guard: every route needs a valid session unless it is @Public(), and the roles of
 * @Roles() and @PlatformRoles(). The session is read from `Authorization: Bearer <token>` or the session cookie (jc_session; __Host-jc_session over https).
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly config: ApiConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;

    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = sessionTokenOf(req, this.config.sessionCookie);
    const person = token ? await this.auth.authenticate(token) : null;
    if (!person) {
      throw new UnauthorizedException({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Sign in first: no valid session',
      });
    }
    req.person = person;

    // A platform role is needed on its own: no role in an SWV stands in for it.
    const platformRoles = this.reflector.getAllAndOverride<PlatformRole[] | undefined>(
      PLATFORM_ROLES_KEY,
      targets,
    );
    if (platformRoles && !platformRoles.some((role) => person.platformRoles?.includes(role))) {
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        message: `This needs the platform role: ${platformRoles.join(', ')}`,
      });
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const bestuurderMay =
      person.isBestuurder === true &&
      this.reflector.getAllAndOverride<boolean>(ALSO_BESTUURDER_KEY, targets) === true;
    if (roles && !bestuurderMay && !roles.some((role) => person.roles.includes(role))) {
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        message: `This needs one of the roles: ${roles.join(', ')}`,
      });
    }
    return true;
  }
}

/** `cookieName`: ApiConfig.sessionCookie (the only name read: a plain one could be tossed). */
export function sessionTokenOf(req: AuthenticatedRequest, cookieName: string): string | null {
  const header = req.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1] ?? null;
  }
  const cookies = (req as { cookies?: Record<string, unknown> }).cookies;
  const cookie = cookies?.[cookieName];
  return typeof cookie === 'string' && cookie.length > 0 ? cookie : null;
}
