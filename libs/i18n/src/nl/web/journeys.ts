/**
 * The web app as its users live in it (issue 16): links from e-mails that survive signing in,
 * signing out from a typed address, the vote review, lapsed tasks, the review of a submission.
 */
export const journeys = {
  signedInContinueNext: 'Ga verder naar de pagina uit uw e-mail',
  linkInvalidSignedIn: (name: string) =>
    `Deze inloglink is al gebruikt of verlopen, maar u bent nog ingelogd als ${name}.`,
  linkInvalidContinue: 'Ga verder',
  logoutTitle: 'Uitloggen',
  logoutConfirm: 'Wilt u uitloggen bij Jaarcyclus?',
  logoutButton: 'Uitloggen',
  voteNotSentYet: 'Uw stem is nog niet verstuurd. Controleer uw keuze en druk op "Stem versturen".',
  voteChangeTitle: 'Uw stem wijzigen',
  voteChangeIntro:
    'Zolang de stemming van uw orgaan openstaat, kunt u uw stem wijzigen. Alleen uw laatste stem telt.',
  taskLapsedDecided: (body: string, outcome: string) =>
    `Deze taak is vervallen omdat de stemming van ${body} al was afgerond voordat u stemde. Uitkomst: ${outcome}. Uw stem is niet meer nodig.`,
  taskLapsedOtherBody: (body: string) =>
    `Deze taak is vervallen: een ander orgaan heeft het voorstel afgewezen, dus ${body} hoeft in deze ronde niet meer te besluiten.`,
  taskLapsedNewRound: (round: number) =>
    `Deze taak is vervallen: er is een nieuwe stemronde (ronde ${round}) met een herzien voorstel. Daarvoor krijgt u een nieuwe taak.`,
};
