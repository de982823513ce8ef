import type { Locale } from '@jaarcyclus/i18n';
import type { PlatformRole, Role } from '@jaarcyclus/persistence';
import type { Request } from 'express';

/** The signed-in person of a request. `organisationId` is the tenant every query is scoped to. */
export interface AuthenticatedPerson {
  id: string;
  name: string;
  email: string;
  locale: Locale;
  roles: Role[];
  /** Roles over the whole platform (operator), apart from the SWV's roles; none when absent. */
  platformRoles?: PlatformRole[];
  organisationId: string;
  organisation: { id: string; name: string; slug: string };
  sessionId: string;
  /**
   * Bestuurder of one of the SWV's school boards (school_board.bestuurder_person_id): not a role
   * but a position, which lets them read their board's schools' accountability (AlsoBestuurder).
   */
  isBestuurder?: boolean;
}

export interface AuthenticatedRequest extends Request {
  person?: AuthenticatedPerson;
}
