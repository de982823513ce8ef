import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SWV's reserve rule lives in `organisation.settings.reserveRule` (JSONB, beside the other
 * settings; absent: the default rule). The api checks it (ReserveRuleDto and the domain's
 * validateReserveRuleSetting); this constraint is the last line of defence for every other
 * writer (onboarding, SQL): whole numbers in range, the maximum not below the target, a cap
 * of zero cents or more. Existing rows hold no reserve rule, so `up` changes no data.
 */
export class ReserveRuleSetting1764000000020 implements MigrationInterface {
  name = 'ReserveRuleSetting1764000000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION reserve_rule_valid(rule jsonb) RETURNS boolean
        LANGUAGE sql IMMUTABLE AS $$
          SELECT rule IS NULL OR (
            jsonb_typeof(rule) = 'object'
            AND jsonb_typeof(rule->'targetBasisPoints') = 'number'
            AND jsonb_typeof(rule->'ceilingBasisPoints') = 'number'
            AND jsonb_typeof(rule->'recoveryYears') = 'number'
            AND (rule->>'targetBasisPoints')::numeric BETWEEN 0 AND 10000
            AND (rule->>'ceilingBasisPoints')::numeric BETWEEN (rule->>'targetBasisPoints')::numeric AND 10000
            AND (rule->>'recoveryYears')::numeric BETWEEN 1 AND 10
            AND (rule->>'targetBasisPoints')::numeric % 1 = 0
            AND (rule->>'ceilingBasisPoints')::numeric % 1 = 0
            AND (rule->>'recoveryYears')::numeric % 1 = 0
            AND (rule->'capCents' IS NULL OR jsonb_typeof(rule->'capCents') = 'null'
                 OR (jsonb_typeof(rule->'capCents') = 'number'
                     AND (rule->>'capCents')::numeric >= 0 AND (rule->>'capCents')::numeric % 1 = 0))
          )
        $$`);
    await q.query(`
      ALTER TABLE organisation
        ADD CONSTRAINT organisation_reserve_rule_check CHECK (reserve_rule_valid(settings->'reserveRule'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisation DROP CONSTRAINT organisation_reserve_rule_check`);
    await q.query(`DROP FUNCTION reserve_rule_valid(jsonb)`);
  }
}
