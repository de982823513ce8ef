/** A vote task: the proposal, the running tally of the member's own body and the ballot. */
export const vote = {
  proposal: 'Voorstel',
  subject: 'Onderwerp',
  body: 'Orgaan',
  decisionKindLabel: 'Soort besluit',
  round: 'Stemronde',
  version: 'Versie',
  yourWeight: 'Uw stemgewicht',
  openProposal: 'Open het voorstel',
  downloadProposal: 'Download het voorstel',
  tallyTitle: 'Stand van de stemming',
  tallyOwnBodyOnly:
    'Alleen de totalen van uw orgaan. Hoe afzonderlijke leden stemden, ziet u hier niet.',
  tallyEarlierRound: (round: number) =>
    `Dit is de eindstand van ronde ${round}. Inmiddels loopt een nieuwe ronde.`,
  tallyUnavailable:
    'De stand van de stemming is op dit moment niet beschikbaar. Probeer het over enkele minuten opnieuw.',
  voteLegend: 'Uw stem',
  voteValue: { for: 'Voor', against: 'Tegen', abstain: 'Onthouding' },
  commentLabel: 'Toelichting (niet verplicht)',
  commentHint: 'Hoogstens 2000 tekens. De toelichting wordt bij uw stem vastgelegd.',
  voteNext: 'Verder naar controleren',
  confirmTitle: 'Controleer uw stem',
  confirmIntro: 'Controleer uw stem en verstuur hem daarna.',
  confirmSend: 'Stem versturen',
  confirmEdit: 'Wijzigen',
  noComment: 'Geen toelichting',
  voteChoose: 'Kies voor, tegen of onthouding.',
  commentTooLong: 'Gebruik hoogstens 2000 tekens.',
  voteReceived: 'Uw stem is ontvangen.',
  votingUnreachable: 'Stemmen lukt op dit moment niet. Probeer het over enkele minuten opnieuw.',
};
