import { formatBasisPoints as bp, formatEuro as euro } from '../../format';

/** What is pointed out without a refusal: a sign-in link requested, the SWV's reserve in the allocation. */
export const notice = {
  /** The answer to a request for a sign-in link, whether or not the address has an account. */
  signInLinkSent: () => 'Als dit adres bij een account hoort, is er een inloglink verstuurd.',
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
