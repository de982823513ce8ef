import { defineCycle } from './cycle';

describe('defineCycle', () => {
  it('declares a cycle by its kind and task kinds', () => {
    const cycle = defineCycle({ kind: 'visitation', taskKinds: ['review', 'submit'] });
    expect(cycle).toEqual({ kind: 'visitation', taskKinds: ['review', 'submit'] });
    expect(Object.isFrozen(cycle.taskKinds)).toBe(true);
  });

  it('refuses a malformed cycle kind, a malformed task kind and a repeated one at start-up', () => {
    expect(() => defineCycle({ kind: 'Visitatie!', taskKinds: [] })).toThrow(
      /not a lower-case word/,
    );
    expect(() => defineCycle({ kind: 'visitation', taskKinds: ['Re-view' as 'review'] })).toThrow(
      /malformed/,
    );
    expect(() => defineCycle({ kind: 'visitation', taskKinds: ['review', 'review'] })).toThrow(
      /twice/,
    );
  });
});
