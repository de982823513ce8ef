import type { QueryRunner } from 'typeorm';
import { TaskKindAsData1764000000006 } from '../migrations/1764000000006-task-kind-as-data';
import { TASK_KINDS, TASK_KIND_PATTERN } from './enums';

describe('task kinds', () => {
  it('are all of the form the database accepts', () => {
    for (const kind of TASK_KINDS) expect(kind).toMatch(TASK_KIND_PATTERN);
    expect('visit').toMatch(TASK_KIND_PATTERN);
    for (const bad of ['', 'Vote', '1vote', 'vote-cast', 'x'.repeat(41)]) {
      expect(bad).not.toMatch(TASK_KIND_PATTERN);
    }
  });

  it('are checked in the database with the same pattern', async () => {
    const statements: string[] = [];
    const q = { query: (sql: string) => Promise.resolve(statements.push(sql)) };
    await new TaskKindAsData1764000000006().up(q as unknown as QueryRunner);
    expect(statements.join('\n')).toContain(`kind ~ '${TASK_KIND_PATTERN.source}'`);
  });
});
