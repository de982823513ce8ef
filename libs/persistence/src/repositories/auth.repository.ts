import type { EntityManager } from 'typeorm';
import type { Locale, PlatformRole, Role } from '../entities/enums';
import { type Db, inTransaction } from './db';
import { queryPrepared } from './pg-session';

export interface LoginCandidate {
  id: string;
  name: string;
  email: string;
  locale: Locale;
  organisationId: string;
  organisationName: string;
}

/** The person of a valid session, with their SWV (the api's AuthenticatedPerson). */
export interface SessionPerson {
  id: string;
  name: string;
  email: string;
  locale: Locale;
  roles: Role[];
  /** Roles over the whole platform (operator), apart from the SWV's roles. */
  platformRoles: PlatformRole[];
  organisationId: string;
  organisation: { id: string; name: string; slug: string };
  sessionId: string;
  /** Bestuurder of one of the SWV's school boards (school_board.bestuurder_person_id). */
  isBestuurder: boolean;
}

interface PersonRow {
  id: string;
  name: string;
  email: string;
  locale: Locale;
  roles: Role[];
  platform_roles: PlatformRole[];
  organisation_id: string;
  organisation_name: string;
  organisation_slug: string;
  is_bestuurder: boolean;
}

const PERSON_COLUMNS = `p.id, p.name, p.email, p.locale, p.roles, p.platform_roles, p.organisation_id, o.name AS organisation_name, o.slug AS organisation_slug,
  EXISTS (SELECT 1 FROM school_board b WHERE b.organisation_id = p.organisation_id AND b.bestuurder_person_id = p.id) AS is_bestuurder`;

/**
 * Sign-in tokens and sessions. Expiry is computed and compared with the database clock
 * (now()), so the api's clock and the database's can never disagree about it.
 */
export class AuthRepository {
  constructor(private readonly db: Db) {}

  async findActivePersonsByEmail(email: string): Promise<LoginCandidate[]> {
    const rows = (await this.db.query(
      `SELECT p.id, p.name, p.email, p.locale, p.organisation_id, o.name AS organisation_name
         FROM person p JOIN organisation o ON o.id = p.organisation_id
        WHERE p.email = $1 AND p.active
        ORDER BY o.name, p.id`,
      [email],
    )) as {
      id: string;
      name: string;
      email: string;
      locale: Locale;
      organisation_id: string;
      organisation_name: string;
    }[];
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      locale: row.locale,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
    }));
  }

  /**
   * Stores a new sign-in token unless the person was already sent `limit` tokens within the
   * last `ttlMinutes` (then null). Requests for one person are serialised by an advisory lock,
   * so a burst of requests cannot slip past the limit.
   */
  async insertLoginTokenWithinLimit(
    personId: string,
    tokenHash: string,
    ttlMinutes: number,
    limit: number,
  ): Promise<string | null> {
    return inTransaction(this.db, async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('login_token:' || $1, 0))`, [
        personId,
      ]);
      const [recent] = (await em.query(
        `SELECT count(*)::int AS n FROM login_token
          WHERE person_id = $1 AND created_at > now() - make_interval(mins => $2)`,
        [personId, ttlMinutes],
      )) as { n: number }[];
      if (recent!.n >= limit) return null;
      const rows = (await em.query(
        `INSERT INTO login_token (person_id, token_hash, expires_at) VALUES ($1, $2, now() + make_interval(mins => $3)) RETURNING id`,
        [personId, tokenHash, ttlMinutes],
      )) as { id: string }[];
      return rows[0]!.id;
    });
  }

  /** True when the token exists, is unused and has not expired. Reads only. */
  async isLoginTokenUsable(tokenHash: string): Promise<boolean> {
    const rows = (await this.db.query(
      `SELECT 1 FROM login_token t JOIN person p ON p.id = t.person_id
        WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now() AND p.active`,
      [tokenHash],
    )) as unknown[];
    return rows.length > 0;
  }

  /**
   * Consumes the login token and opens a session, atomically: the conditional UPDATE lets
   * exactly one of two concurrent requests win, and a failure after it rolls the consumption
   * back, so a token is never burnt without a session.
   */
  async exchangeLoginToken(
    loginTokenHash: string,
    sessionTokenHash: string,
    sessionTtlHours: number,
  ): Promise<{ person: SessionPerson; expiresAt: Date } | null> {
    return inTransaction(this.db, async (em) => {
      const consumed = (await em.query(
        `UPDATE login_token SET used_at = now()
          WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
          RETURNING person_id`,
        [loginTokenHash],
      )) as [{ person_id: string }[], number];
      const personId = consumed[0][0]?.person_id;
      if (!personId) return null;
      const person = await this.loadActivePerson(em, personId);
      if (!person) return null;
      const sessions = (await em.query(
        `INSERT INTO session (person_id, token_hash, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3))
         RETURNING id, expires_at`,
        [personId, sessionTokenHash, sessionTtlHours],
      )) as { id: string; expires_at: Date }[];
      const session = sessions[0]!;
      return { person: toSessionPerson(person, session.id), expiresAt: session.expires_at };
    });
  }

  async findSession(sessionTokenHash: string): Promise<SessionPerson | null> {
    // On every request of a signed-in person: prepared (queryPrepared).
    const rows = (await queryPrepared(
      this.db,
      `SELECT s.id AS session_id, ${PERSON_COLUMNS}
         FROM session s JOIN person p ON p.id = s.person_id JOIN organisation o ON o.id = p.organisation_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND p.active`,
      [sessionTokenHash],
    )) as (PersonRow & { session_id: string })[];
    const row = rows[0];
    return row ? toSessionPerson(row, row.session_id) : null;
  }

  async revokeSession(sessionId: string): Promise<void> {
    await this.db.query(
      `UPDATE session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId],
    );
  }

  private async loadActivePerson(em: EntityManager, personId: string): Promise<PersonRow | null> {
    const rows = (await em.query(
      `SELECT ${PERSON_COLUMNS} FROM person p JOIN organisation o ON o.id = p.organisation_id WHERE p.id = $1 AND p.active`,
      [personId],
    )) as PersonRow[];
    return rows[0] ?? null;
  }
}

function toSessionPerson(row: PersonRow, sessionId: string): SessionPerson {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    locale: row.locale,
    roles: row.roles,
    platformRoles: row.platform_roles,
    organisationId: row.organisation_id,
    organisation: {
      id: row.organisation_id,
      name: row.organisation_name,
      slug: row.organisation_slug,
    },
    sessionId,
    isBestuurder: row.is_bestuurder,
  };
}
