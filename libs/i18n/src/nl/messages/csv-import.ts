/**
 * A CSV import of boards, schools or people (libs/domain/src/import): what is wrong with the
 * file as a whole, and with one cell of a row. The page and the report name the row and the
 * column themselves, so a text never repeats them.
 */
type C = { column: string };

export const csvImport = {
  empty: (_: { field: string }) =>
    'Het bestand is leeg: de eerste regel moet de kolomnamen bevatten.',
  encoding: (_: { field: string }) =>
    'Het bestand is geen UTF-8-tekst. Kies in Excel bij Opslaan als: "CSV UTF-8 (gescheiden door lijstscheidingsteken)".',
  separator: (p: { field: string; found: string }) =>
    `De kolommen zijn gescheiden door ${p.found === 'tab' ? 'tabs' : 'komma’s'}; gebruik de puntkomma (;), zoals de Nederlandse Excel een CSV-bestand opslaat.`,
  missingColumns: (p: { field: string; columns: string }) =>
    `De eerste regel mist de kolom(men): ${p.columns}.`,
  unknownColumns: (p: { field: string; columns: string }) =>
    `Onbekende kolom(men) in de eerste regel: ${p.columns}.`,
  duplicateColumn: (p: { field: string; column: string }) =>
    `De kolom ${p.column} staat twee keer in de eerste regel.`,
  unclosedQuote: (p: { field: string; row: number }) =>
    `Op regel ${p.row} wordt een aanhalingsteken (") geopend maar niet gesloten.`,
  tooManyRows: (p: { field: string; max: number }) =>
    `Het bestand heeft meer dan ${p.max} regels; splits het op.`,
  noRows: (_: { field: string }) => 'Het bestand heeft alleen kolomnamen en geen gegevens.',
  columnCount: (p: { expected: number; got: number }) =>
    `Deze regel heeft ${p.got} kolommen, de eerste regel ${p.expected}.`,
  required: (_: C) => 'Vul deze kolom in.',
  tooLong: (p: C & { max: number }) => `Gebruik hoogstens ${p.max} tekens.`,
  brin: (p: C & { value: string }) =>
    `${p.value} is geen BRIN-code: twee cijfers en twee letters, zoals 20AB.`,
  location: (p: C & { value: string }) =>
    `${p.value} is geen vestigingscode: twee cijfers, zoals 01.`,
  boardNumber: (p: C & { value: string }) =>
    `${p.value} is geen bestuursnummer: vijf cijfers, zoals 41234.`,
  count: (p: C & { value: string }) =>
    `${p.value} is geen aantal: vul een heel getal in van 0 of meer, zoals 1.250.`,
  positiveCount: (p: C & { value: string }) =>
    `${p.value} is geen aantal: vul een heel getal in van 1 of meer.`,
  amount: (p: C & { value: string }) =>
    `${p.value} is geen bedrag: schrijf euro’s met een decimale komma, zoals 1.234,56.`,
  kind: (p: C & { value: string }) => `${p.value} is geen soort school: kies regulier of speciaal.`,
  specialFixedAmount: (_: C) => 'Een speciale school krijgt geen vast bedrag: laat dit leeg of 0.',
  email: (p: C & { value: string }) =>
    `${p.value} is geen e-mailadres: schrijf het als naam@school.nl.`,
  emailElsewhere: (_: C) =>
    'Dit e-mailadres hoort bij een persoon van een ander samenwerkingsverband.',
  role: (p: C & { value: string; options: string }) =>
    `${p.value} is geen rol: kies uit ${p.options}.`,
  language: (p: C & { value: string }) => `${p.value} is geen taal: kies nl of en.`,
  yesNo: (p: C & { value: string }) => `${p.value}: vul ja of nee in.`,
  unknownBoard: (p: C & { value: string }) =>
    `Er is geen bestuur ${p.value}: importeer eerst de besturen, of schrijf de naam of het bestuursnummer zoals het in Beheer staat.`,
  unknownSchool: (p: C & { value: string }) =>
    `Er is geen school ${p.value}: importeer eerst de scholen, of schrijf de BRIN-code met vestiging of de naam.`,
  unknownBody: (p: C & { value: string }) =>
    `Er is geen orgaan ${p.value}: gebruik de sleutel of naam van een orgaan van het samenwerkingsverband.`,
  schoolOfOtherBoard: (p: C & { value: string }) =>
    `De school ${p.value} hoort niet bij het bestuur in de kolom bestuur.`,
  bestuurderNeedsBoard: (_: C) => 'Wie bestuurder is, heeft een bestuur nodig in de kolom bestuur.',
  memberNeedsBoard: (p: C & { value: string }) =>
    `In ${p.value} wegen stemmen naar leerlingaantal: vul het bestuur in dat dit lid vertegenwoordigt.`,
  duplicate: (p: C & { first: number }) => `Dit staat al op regel ${p.first} van het bestand.`,
  nameTaken: (p: C & { value: string }) => `Er is al een ander bestuur met de naam ${p.value}.`,
  numberTaken: (p: C & { value: string }) =>
    `Het bestuursnummer ${p.value} hoort al bij een ander bestuur.`,
};

/** Onboarding a new SWV (POST /api/platform/organisations, `npm run platform -- onboard`). */
export const onboarding = {
  slug: (_: { field: string }) =>
    'Gebruik kleine letters, cijfers en streepjes, zoals vo-groningen-stad (hoogstens 60 tekens).',
  noBodies: (_: { field: string }) => 'Geef minstens één orgaan op.',
  duplicateBodyKeys: (_: { field: string }) => 'Elk orgaan heeft een eigen sleutel.',
};
