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
};
