import {
  DomainError,
  type DecisionKind,
  type VoteSecrecy,
  type VotingRule,
} from '@jaarcyclus/domain';
import type { Locale, SchoolRegion, Sector } from '../entities/enums';
import type { OrganisationSettings } from '../entities/organisation.entity';
import { type Db, inTransaction } from './db';

/** A new SWV as a platform administrator describes it (POST /api/platform/organisations). */
export interface NewOrganisation {
  slug: string;
  name: string;
  sector: Sector;
  region: SchoolRegion;
  settings: OrganisationSettings;
  /** Its bodies, without members yet (those come with the people, e.g. by CSV import). */
  bodies: {
    key: string;
    name: string;
    decisionKind: DecisionKind;
    votingRule: VotingRule;
    voteSecrecy?: VoteSecrecy | null;
  }[];
  /** Its first administrator, who then adds (or imports) everything else. */
  administrator: { name: string; email: string; locale: Locale };
}

export interface OnboardedOrganisation {
  organisationId: string;
  administratorId: string;
  bodyIds: Record<string, string>;
}

/**
 * Creates an SWV with its bodies and first administrator (roles admin and secretariat) in one
 * transaction: all of it, or nothing. A slug or an administrator's address already taken is a
 * 409 naming the field; the database's unique keys stay the last line of defence.
 */
export class OnboardingRepository {
  constructor(private readonly db: Db) {}

  onboard(input: NewOrganisation): Promise<OnboardedOrganisation> {
    return inTransaction(this.db, async (em) => {
      // Two onboardings of one slug or one address wait for each other, then the second is refused.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('jaarcyclus:onboard'))`);
      const email = input.administrator.email.trim().toLowerCase();
      const taken = (await em.query(
        `SELECT (SELECT count(*) FROM organisation WHERE slug = $1)::int AS slugs,
                (SELECT count(*) FROM person WHERE email = $2)::int AS emails`,
        [input.slug, email],
      )) as { slugs: number; emails: number }[];
      if (taken[0]!.slugs > 0) {
        throw DomainError.of('CONFLICT', 'slug', 'refusal.exists', { field: 'slug' });
      }
      if (taken[0]!.emails > 0) {
        throw DomainError.of('CONFLICT', 'administrator.email', 'refusal.exists', {
          field: 'administrator.email',
        });
      }
      const [org] = (await em.query(
        `INSERT INTO organisation (slug, name, region, sector, settings)
         VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING id`,
        [input.slug, input.name.trim(), input.region, input.sector, JSON.stringify(input.settings)],
      )) as { id: string }[];
      const organisationId = org!.id;
      const [admin] = (await em.query(
        `INSERT INTO person (organisation_id, name, email, locale, roles)
         VALUES ($1, $2, $3, $4, ARRAY['admin', 'secretariat']::text[]) RETURNING id`,
        [organisationId, input.administrator.name.trim(), email, input.administrator.locale],
      )) as { id: string }[];
      const bodyIds: Record<string, string> = {};
      for (const body of input.bodies) {
        const [row] = (await em.query(
          `INSERT INTO body (organisation_id, key, name, decision_kind, voting_rule, vote_secrecy)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING id`,
          [
            organisationId,
            body.key,
            body.name.trim(),
            body.decisionKind,
            JSON.stringify(body.votingRule),
            body.voteSecrecy ?? null,
          ],
        )) as { id: string }[];
        bodyIds[body.key] = row!.id;
      }
      return { organisationId, administratorId: admin!.id, bodyIds };
    });
  }

  /** Grants or takes away a platform role (on the server only: `npm run platform`). */
  async setPlatformRole(
    email: string,
    role: 'operator' | 'platform_admin',
    granted: boolean,
  ): Promise<{ found: boolean; active: boolean }> {
    const rows = (await this.db.query(
      granted
        ? `UPDATE person SET platform_roles = CASE WHEN $2 = ANY (platform_roles) THEN platform_roles
             ELSE array_append(platform_roles, $2) END WHERE email = $1 RETURNING active`
        : `UPDATE person SET platform_roles = array_remove(platform_roles, $2) WHERE email = $1 RETURNING active`,
      [email.trim().toLowerCase(), role],
    )) as [{ active: boolean }[], number] | { active: boolean }[];
    const list = Array.isArray(rows[0])
      ? (rows[0] as { active: boolean }[])
      : (rows as { active: boolean }[]);
    return { found: list.length > 0, active: list[0]?.active ?? false };
  }

  /** Who holds a platform role, with their SWV's slug. */
  async withPlatformRole(
    role: 'operator' | 'platform_admin',
  ): Promise<{ email: string; slug: string }[]> {
    return (await this.db.query(
      `SELECT p.email, o.slug FROM person p JOIN organisation o ON o.id = p.organisation_id
        WHERE $1 = ANY (p.platform_roles) ORDER BY p.email`,
      [role],
    )) as { email: string; slug: string }[];
  }
}
