/** The accountability format: its versions and publishing a new one. */
export const accountabilityFormat = {
  fmt: {
    title: 'Verantwoordingsformat',
    versionTitle: (v: number) => `Verantwoordingsformat, versie ${v}`,
    intro:
      'Het format waarin elke school verantwoordt wat zij met de middelen van het samenwerkingsverband heeft gedaan: ontvangsten in euro’s, uitgaven in fte en euro’s, en een bijlage met de extra ondersteuning. Elke wijziging wordt een nieuwe versie; een verantwoording houdt de versie waarmee zij startte.',
    current: (v: number) => `Huidige versie: ${v}.`,
    publishedOn: (when: string, who: string | null) =>
      who ? `Gepubliceerd op ${when} door ${who}.` : `Gepubliceerd op ${when}.`,
    isDefault:
      'Dit is het standaardformat (naar het ondersteuningsplan); uw samenwerkingsverband heeft het nog niet aangepast.',
    versions: 'Versies',
    version: 'Versie',
    versionN: (v: number) => `Versie ${v}`,
    publishedAt: 'Gepubliceerd',
    by: 'Door',
    usedBy: 'Gebruikt door',
    notUsed: 'Nog geen verantwoording',
    standard: 'Standaardformat',
    editTitle: 'Nieuwe versie publiceren',
    editIntro:
      'Pas de regels aan en publiceer ze als nieuwe versie. Lopende verantwoordingen veranderen niet; een verantwoording die u hierna start, gebruikt de nieuwe versie.',
    income: 'Ontvangsten',
    incomeIntro:
      'De regels waarop scholen bedragen in euro’s invullen. De regel voor het variabele bedrag van het samenwerkingsverband telt mee als ontvangen middelen bij de berekening van de onderbesteding.',
    expenses: 'Uitgaven',
    expensesIntro: 'De regels waarop scholen fte en euro’s invullen, gegroepeerd per categorie.',
    appendix: 'Bijlage',
    appendixIntro:
      'In de bijlage beschrijft de school welke extra ondersteuning zij geeft, met het aantal fte. Kies hoe die fte moet kloppen met de uitgaven.',
    row: (n: number) => `Regel ${n}`,
    label: 'Omschrijving',
    key: 'Sleutel',
    keyHint:
      'De sleutel van een regel bestaat uit kleine letters, cijfers en _. Laat hem bij een nieuwe regel leeg: hij wordt dan gemaakt uit de omschrijving. Wijzig de sleutel van een bestaande regel liever niet: de export en de vergelijking tussen jaren gebruiken hem.',
    category: 'Categorie',
    categoryHint:
      'Een categorie bestaat uit kleine letters, cijfers en _, zoals extra_ondersteuning of materieel.',
    required: 'Verplicht voor elke school',
    remove: 'Regel verwijderen',
    addIncome: 'Ontvangstregel toevoegen',
    addExpense: 'Uitgavenregel toevoegen',
    lineAdded: 'Er is een lege regel toegevoegd. Publiceer om de wijzigingen te bewaren.',
    lineMoved: 'De regel is verplaatst. Publiceer om de wijzigingen te bewaren.',
    moveUp: 'Omhoog',
    moveDown: 'Omlaag',
    fteRule: 'Fte in de bijlage',
    fteRuleOption: {
      none: 'Niet controleren',
      equal_to_extra_support_fte: 'Gelijk aan de fte van de categorie extra ondersteuning',
      at_most_extra_support_fte: 'Hoogstens de fte van de categorie extra ondersteuning',
    } as Record<string, string>,
    extraSupportCategory: 'Categorie extra ondersteuning',
    extraSupportCategoryHint: (categories: string) =>
      `De categorie van de uitgavenregels waarmee de fte in de bijlage wordt vergeleken. In dit format: ${categories}.`,
    publish: (v: number) => `Publiceren als versie ${v}`,
    published: (v: number) =>
      `Versie ${v} is gepubliceerd. Een verantwoording die u vanaf nu start, gebruikt deze versie.`,
    unchanged: (v: number) =>
      `Er is niets gewijzigd ten opzichte van versie ${v}. Pas eerst een regel aan.`,
    conflict: (v: number) =>
      `Intussen is versie ${v} gepubliceerd, waarschijnlijk door een collega. Uw wijzigingen staan hieronder, maar zijn nog niet gepubliceerd. Bekijk versie ${v} in de lijst en publiceer daarna opnieuw als u uw versie wilt.`,
    yes: 'Ja',
    no: 'Nee',
    view: (v: number) => `Versie ${v} bekijken`,
    back: 'Terug naar het format',
    startNote: (v: number) => `De scholen vullen versie ${v} van het verantwoordingsformat in.`,
    startNoteLink: 'Format bekijken of wijzigen',
    noVariableLine:
      'Let op: dit format heeft geen ontvangstregel voor het variabele bedrag van het samenwerkingsverband. Bij het accepteren van een verantwoording telt dan alleen het vaste bedrag van de school als ontvangen, en valt de onderbesteding lager uit.',
    link: 'Verantwoordingsformat',
  },
};
