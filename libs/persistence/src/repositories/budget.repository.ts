import type { Db } from './db';

/** What the budget cycle reads beyond the shared tables. */
export class BudgetRepository {
  constructor(private readonly db: Db) {}

  /**
   * The bodies of the budget cycle as it published them (cycle.state.bodies, in order): name
   * and decision kind. Empty for a cycle without a published state (started before the read
   * model).
   */
  async publishedBodies(
    organisationId: string,
    workflowId: string,
  ): Promise<{ name: string; decisionKind: string | null }[]> {
    return (await this.db.query(
      `SELECT b->>'name' AS name, b->>'decisionKind' AS "decisionKind"
         FROM cycle c CROSS JOIN LATERAL jsonb_array_elements(c.state->'bodies') WITH ORDINALITY AS x(b, i)
        WHERE c.organisation_id = $1 AND c.workflow_id = $2 AND jsonb_typeof(c.state->'bodies') = 'array'
        ORDER BY x.i`,
      [organisationId, workflowId],
    )) as { name: string; decisionKind: string | null }[];
  }
}
