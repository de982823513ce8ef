import type { BodyRoundView, BudgetCycleStatus } from '@jaarcyclus/workflows';
import { withBodyDetails } from './cycle-bodies';

const opening = (bodyKey: string): BodyRoundView =>
  ({ bodyKey, name: bodyKey, decisionKind: null, status: 'opening' }) as unknown as BodyRoundView;

describe('withBodyDetails: body names and decision kinds from the first moment of a cycle', () => {
  const master = [
    { key: 'alv', name: 'Algemene Ledenvergadering', decisionKind: 'goedkeuring' as const },
    { key: 'opr', name: 'Ondersteuningsplanraad', decisionKind: 'instemming' as const },
  ];

  it('names the bodies the round knows by key only, in the current round and the earlier ones', () => {
    const status = {
      bodies: [opening('alv'), opening('opr')],
      rounds: [{ round: 1, bodies: [opening('alv')] }],
    } as unknown as BudgetCycleStatus;
    const filled = withBodyDetails(status, master);
    expect(filled.bodies.map((b) => [b.name, b.decisionKind])).toEqual([
      ['Algemene Ledenvergadering', 'goedkeuring'],
      ['Ondersteuningsplanraad', 'instemming'],
    ]);
    expect(filled.rounds[0]!.bodies[0]!.name).toBe('Algemene Ledenvergadering');
  });

  it('keeps what the round itself recorded, and a body the SWV no longer has', () => {
    const recorded = { ...opening('alv'), name: 'ALV (2026)', decisionKind: 'advies' };
    const status = {
      bodies: [recorded, opening('rvt')],
      rounds: [],
    } as unknown as BudgetCycleStatus;
    const filled = withBodyDetails(status, master);
    expect(filled.bodies.map((b) => [b.name, b.decisionKind])).toEqual([
      ['ALV (2026)', 'advies'],
      ['rvt', null],
    ]);
  });
});
