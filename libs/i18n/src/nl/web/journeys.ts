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
};
