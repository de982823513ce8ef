import { formatBasisPoints as bp, formatEuro as euro } from '../../format';

/** What the domain points out in a result (no refusal): the reserve of the SWV in the allocation. */
export const notice = {
  reserveBelowTarget: (p: {
    equity: number;
    target: number;
    shortfall: number;
    reduction: number;
    recovered: number;
    recovery: number;
  }): string =>
    `Het eigen vermogen (${bp(p.equity)} van de omzet) ligt onder de streefwaarde van ${bp(p.target)}. ` +
    `Het tekort van ${euro(p.shortfall)} wordt aangezuiverd door het bedrag per leerling met ${euro(p.reduction)} te verlagen.` +
    (p.recovered < p.recovery
      ? ` Dit jaar kan hiermee maar ${euro(p.recovered)} van de beoogde ${euro(p.recovery)} worden aangezuiverd; aanvullende maatregelen zijn nodig.`
      : ''),
  reserveAboveCeiling: (p: { equity: number; ceiling: number }) =>
    `Het eigen vermogen (${bp(p.equity)} van de omzet) ligt boven de signaleringswaarde van OCW (${bp(p.ceiling)}). ` +
    'Overweeg de middelen extra in te zetten voor de scholen.',
};
