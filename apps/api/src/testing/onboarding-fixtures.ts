import { DEFAULT_RULES } from '@jaarcyclus/domain';

/** A new SWV as a platform administrator sends it. */
export function newSwv(slug: string, adminEmail: string): Record<string, unknown> {
  return {
    name: 'Samenwerkingsverband VO Duinrand',
    slug,
    sector: 'vo',
    region: 'noord',
    settings: { reminderOffsetsBusinessDays: [5, 2] },
    bodies: [
      {
        key: 'ab',
        name: 'Algemeen Bestuur',
        decisionKind: 'goedkeuring',
        votingRule: DEFAULT_RULES.rvt,
      },
      {
        key: 'opr',
        name: 'Ondersteuningsplanraad',
        decisionKind: 'instemming',
        votingRule: DEFAULT_RULES.opr,
      },
    ],
    administrator: { name: 'Ilse Dekker', email: adminEmail },
  };
}
