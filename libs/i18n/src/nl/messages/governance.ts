import { formatBasisPoints as bp, formatEuro as euro } from '../../format';

/**
 * Refusals about an SWV's governance as configured data: which bodies a cycle is put to, and the
 * SWV's reserve rule. Checked before a cycle starts, so a start never fails halfway.
 */
export const governance = {
  budgetBodyUnknown: (p: { key: string }) =>
    `Uw samenwerkingsverband heeft geen orgaan met de sleutel ‘${p.key}’. Kies een van uw eigen organen.`,
  budgetNoApprovingBody: () =>
    'Geen enkel orgaan van uw samenwerkingsverband geeft goedkeuring aan de begroting (bijvoorbeeld de ALV, het Algemeen Bestuur of de RvT). Laat een beheerder dat orgaan eerst toevoegen onder Beheer › Organen.',
  budgetBodyWithoutMembers: (p: { body: string }) =>
    `${p.body} heeft geen actieve leden, dus niemand kan stemmen. Laat een beheerder eerst leden toevoegen onder Beheer › Organen.`,
  reserveCeilingBelowTarget: (_: { field: string }) =>
    'Het maximum moet minstens zo hoog zijn als het streefpercentage.',
  reservePercentage: (_: { field: string }) =>
    'Vul een percentage tussen 0 en 100 in, met hoogstens twee cijfers achter de komma.',
  reserveRecoveryYears: (_: { field: string }) => 'Vul een aantal jaren van 1 tot en met 10 in.',
  reserveCap: (_: { field: string }) => 'Vul een bedrag van € 0,00 of meer in, of laat het leeg.',
  reserveCapYear: (_: { field: string }) =>
    'Vul een jaar van vier cijfers in, of laat het leeg als het maximum elk jaar geldt.',
  // Notices of the allocation: which reserve rule applied, and a reserve above its cap.
  reserveAboveCap: (p: { equity: number; cap: number }) =>
    `Het eigen vermogen (${euro(p.equity)}) ligt boven het maximum van ${euro(p.cap)} dat het samenwerkingsverband zich voor dit jaar heeft gesteld. Overweeg de middelen extra in te zetten voor de scholen.`,
  reserveRuleLine: (p: { target: number; ceiling: number; years: number; cap: number | null }) =>
    `Toegepaste reserveregel: streefwaarde ${bp(p.target)} van de omzet, maximum ${bp(p.ceiling)}` +
    (p.cap === null ? '' : ` en ten hoogste ${euro(p.cap)}`) +
    `; een tekort wordt aangezuiverd in ${p.years === 1 ? '1 jaar' : `${p.years} jaar`}`,
};
