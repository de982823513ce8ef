type Secrecy = 'open' | 'totals_after_close' | 'secret';

/** Vote secrecy (a rule of the body) and the members' comments (Toelichting) on the cycle page. */
export const voteSecrecy = {
  voteSecrecyLabel: 'Stemgeheim',
  voteSecrecyOption: {
    open: 'Open stemming',
    totals_after_close: 'Totalen pas na sluiting',
    secret: 'Geheime stemming',
  } as Record<Secrecy, string>,
  voteSecrecyDefaultOption: (label: string) => `Standaard voor deze soort besluit (${label})`,
  voteSecrecyDefaultNote: 'standaard voor deze soort besluit',
  voteSecrecyHint:
    'Open: het secretariaat, de beheerder, de directeur-bestuurder en de voorzitter zien elke stem en toelichting. Totalen pas na sluiting: zolang de stemming openstaat, ziet niemand stemmen of totalen, alleen hoeveel leden hebben gestemd; daarna zoals bij een open stemming. Geheim: nooit wie wat stemde; de totalen na sluiting; het secretariaat en de voorzitter lezen de toelichtingen zonder naam. Een ruimere regel geldt alleen voor stemrondes die daarna openen: wat onder een strengere regel is gestemd, blijft zo beschermd.',
  sealedNotice: (rule: string) =>
    `${rule}: hoe er is gestemd, blijft verborgen tot de stemming sluit, ook voor het secretariaat en de directeur-bestuurder. U ziet alleen hoeveel leden hebben gestemd.`,
  secretVotesNote: 'Geheime stemming: wie wat stemde, wordt nooit getoond.',
  votedValueHidden: 'stem niet zichtbaar',
  commentsTitle: 'Toelichtingen',
  commentsAnonymous: 'Zonder naam en op alfabet: dit orgaan stemt geheim.',
  commentBy: (name: string, value: string) => `${name} (${value})`,
  commentAnonymousValue: (value: string) => `Stem: ${value}`,
  commentReaders: {
    open: 'Het secretariaat, de directeur-bestuurder en de voorzitter van het orgaan lezen uw toelichting met uw naam.',
    totals_after_close:
      'Het secretariaat, de directeur-bestuurder en de voorzitter van het orgaan lezen uw toelichting met uw naam, nadat de stemming is gesloten.',
    secret:
      'Het secretariaat en de voorzitter van het orgaan lezen uw toelichting zonder uw naam, nadat de stemming is gesloten.',
  } as Record<Secrecy, string>,
  chairCycleLink: (body: string) =>
    `Als voorzitter van de ${body}: bekijk de stemming en de toelichtingen van de leden`,
};
