import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Joint programmes across SWVs (docs/domain.md §3: Groningen's TLV visitations with PO
 * Ommelanden; the Liemers' audits with regional SWVs): the host SWV's secretariat links a
 * partner SWV to one programme, the partner's secretariat accepts; only then may the partner
 * nominate visitors from its own people. A partner never gets rows of the host's tenant: its
 * people see the visits they take part in and the programme's public schedule.
 */
export class VisitationPartners1764000000041 implements MigrationInterface {
  name = 'VisitationPartners1764000000041';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE visitation_partner (
        programme_id uuid NOT NULL REFERENCES visitation_programme (id) ON DELETE CASCADE,
        partner_organisation_id uuid NOT NULL REFERENCES organisation (id),
        linked_by_person_id uuid NOT NULL REFERENCES person (id),
        linked_at timestamptz NOT NULL DEFAULT now(),
        accepted_by_person_id uuid REFERENCES person (id),
        accepted_at timestamptz,
        PRIMARY KEY (programme_id, partner_organisation_id),
        CHECK ((accepted_at IS NULL) = (accepted_by_person_id IS NULL))
      )`);
    await q.query(
      `CREATE INDEX visitation_partner_org_idx ON visitation_partner (partner_organisation_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE visitation_partner`);
  }
}
