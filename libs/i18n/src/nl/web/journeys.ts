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
  underspendingTitle: 'Onderbesteding',
  underspendingReceived: 'Ontvangen (vast bedrag en opgegeven variabel bedrag)',
  underspendingSpent: 'Besteed (uitgaven)',
  underspendingAmount: 'Onderbesteding',
  underspendingDeducted: (amount: string, year: number) =>
    `Wordt de verantwoording zo geaccepteerd, dan wordt ${amount} gekort op de toekenning van ${year}.`,
  underspendingNone: 'Er is geen onderbesteding: accepteren leidt niet tot een korting.',
  underspendingBasis:
    'Berekend zoals bij het accepteren: het vaste bedrag van de school plus het opgegeven variabele bedrag, min de uitgaven.',
  underspendingAfterSave:
    'Sla uw cijfers op als concept; daarna ziet u hier de onderbesteding die uit uw cijfers volgt.',
  underspendingUnknown: 'De onderbesteding kan uit deze cijfers niet worden berekend.',
  submitConfirm:
    'Verantwoording indienen? Daarna kunt u niets meer wijzigen, tenzij het secretariaat haar terugstuurt.',
  acceptConfirmDeduction: (school: string, amount: string, year: number) =>
    `Verantwoording van ${school} accepteren? Dit legt een korting van ${amount} vast op de toekenning van ${year}; de school krijgt daarover bericht.`,
  acceptConfirmNone: (school: string) =>
    `Verantwoording van ${school} accepteren? Er is geen onderbesteding, dus er volgt geen korting.`,
  draftSavedWithProblems:
    'Uw concept is opgeslagen. Voordat u kunt indienen, moet u nog verbeteren wat hieronder staat.',
  votingOpeningAuto:
    'De leden en hun stemgewicht worden vastgelegd. Deze pagina werkt zichzelf over enkele ogenblikken bij.',
  refreshNow: 'Nu vernieuwen',
  usedByPeople: 'Deze personen zijn eraan gekoppeld:',
  backToRecord: 'Terug',
};
