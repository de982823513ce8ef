import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@jaarcyclus/testing';
import type { DataSource } from 'typeorm';
import { FieldCipher } from '../crypto/field-cipher';
import { createDataSource } from '../data-source';
import { TransitionRepository } from '../repositories/transition.repository';
import { seedDemoData } from './demo';
import { DEMO_PARENT_EMAIL } from './transition-demo';

describe('demo schakeltraject', () => {
  let db: TestDatabase;
  let ds: DataSource;
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('opens one case in Stadsring with an invented pupil, encrypted, that its parent and vso school read', async () => {
    db = await createTestDatabase();
    ds = await createDataSource(db.url, { logging: false }).initialize();
    const key = randomBytes(32);
    const keys = { currentKeyId: 'demo', key: (id: string) => (id === 'demo' ? key : undefined) };
    const { created, transition } = await seedDemoData(ds, { personalDataKeys: keys });
    expect(created).toBe(true);
    expect(transition?.workflowId).toBe(
      `transition:${transition?.organisationId}:${transition?.caseId}`,
    );
    const repo = new TransitionRepository(ds, new FieldCipher(keys));
    const person = async (email: string) =>
      ((await ds.query(`SELECT id FROM person WHERE email = $1`, [email])) as { id: string }[])[0]!
        .id;
    const parentView = await repo.read(
      transition!.organisationId,
      transition!.caseId,
      await person(DEMO_PARENT_EMAIL),
    );
    expect(parentView).toMatchObject({ viewer: 'parent', pupil: { name: 'Daan Jansen' } });
    expect(
      (await repo.read(
        transition!.organisationId,
        transition!.caseId,
        await person('zorg@vso-deklimop.example'),
      ))!.viewer,
    ).toBe('vso');
    expect(JSON.stringify(await ds.query(`SELECT * FROM transition_case`))).not.toContain('Daan');
  });
});
