import { renderText } from '@jaarcyclus/i18n/core';
import { DomainError } from '../errors';
import { parseCsv } from './csv';
import { planBoardImport, type ExistingBoard } from './boards';
import { planPersonImport, type ExistingBody, type ExistingPerson } from './persons';
import { planSchoolImport, type ExistingSchool } from './schools';

const BOARDS: ExistingBoard[] = [
  {
    id: 'b1',
    name: 'Stichting Openbaar Onderwijs Duinrand',
    boardNumber: '41234',
    pupilCount: 2400,
  },
  { id: 'b2', name: 'Vereniging Chr. VO Kennemerland', boardNumber: null, pupilCount: 1800 },
];
const SCHOOLS: ExistingSchool[] = [
  {
    id: 's1',
    name: 'Duinrand College',
    brin: '20AB00',
    boardId: 'b1',
    kind: 'regular',
    pupilCount: 1200,
    locationCount: 1,
    fixedAmountCents: 4_500_000,
  },
];
const BODIES: ExistingBody[] = [
  {
    id: 'alv',
    key: 'alv',
    name: 'Algemene Ledenvergadering',
    weighsByPupils: true,
    chairPersonId: null,
  },
  {
    id: 'opr',
    key: 'opr',
    name: 'Ondersteuningsplanraad',
    weighsByPupils: false,
    chairPersonId: null,
  },
];
const PERSONS: ExistingPerson[] = [
  {
    id: 'p1',
    name: 'Ilse Dekker',
    email: 'i.dekker@duinrand.example',
    locale: 'nl',
    roles: ['admin', 'secretariat'],
    boardId: null,
    schoolId: null,
    bodyIds: [],
    bestuurderOf: null,
  },
];

/** The Dutch texts of a report's problems, as "row column: text". */
function problems(report: {
  rows: { row: number; problems: { column: string | null; text: never }[] }[];
}): string[] {
  return report.rows.flatMap((r) =>
    r.problems.map((p) => `${r.row} ${p.column ?? '-'}: ${renderText('nl', p.text)}`),
  );
}

function fileRefusal(text: string): string {
  try {
    parseCsv(text);
  } catch (e) {
    if (e instanceof DomainError && e.text)
      return `${e.code} ${e.field}: ${renderText('nl', e.text)}`;
    throw e;
  }
  return 'accepted';
}

describe('parseCsv: a file as Dutch Excel saves it', () => {
  it('reads ; separated cells, quoted cells with ; and doubled quotes, CRLF, and skips empty rows', () => {
    const table = parseCsv(
      'naam;leerlingen\r\n"Stichting ""De Brug""; Zuid";1.250\r\n;\r\nSKOL;300\r\n',
    );
    expect(table.header).toEqual(['naam', 'leerlingen']);
    expect(table.records).toEqual([
      { row: 2, cells: ['Stichting "De Brug"; Zuid', '1.250'] },
      { row: 4, cells: ['SKOL', '300'] },
    ]);
  });

  it('reads the same with a byte-order mark (Excel\'s "CSV UTF-8") and a quoted line break', () => {
    const table = parseCsv('\uFEFFnaam;leerlingen\n"Twee\nregels";5');
    expect(table.header).toEqual(['naam', 'leerlingen']);
    expect(table.records).toEqual([{ row: 2, cells: ['Twee\nregels', '5'] }]);
  });

  it.each([
    ['', 'RULE_VIOLATION file: Het bestand is leeg: de eerste regel moet de kolomnamen bevatten.'],
    [
      'naam;leerlingen\n',
      'RULE_VIOLATION file: Het bestand heeft alleen kolomnamen en geen gegevens.',
    ],
    [
      'naam,leerlingen\nSKOL,300',
      'RULE_VIOLATION file: De kolommen zijn gescheiden door komma’s; gebruik de puntkomma (;), zoals de Nederlandse Excel een CSV-bestand opslaat.',
    ],
    [
      'naam\tleerlingen\nSKOL\t300',
      'RULE_VIOLATION file: De kolommen zijn gescheiden door tabs; gebruik de puntkomma (;), zoals de Nederlandse Excel een CSV-bestand opslaat.',
    ],
    [
      'naam;leerlingen\n"SKOL;300',
      'RULE_VIOLATION file: Op regel 2 wordt een aanhalingsteken (") geopend maar niet gesloten.',
    ],
  ])('refuses the file %j as a whole', (text, expected) => {
    expect(fileRefusal(text)).toBe(expected);
  });
});

describe('planBoardImport', () => {
  it('adds new boards, changes known ones (by bestuursnummer, else by name) and leaves equal ones', () => {
    const { report, writes } = planBoardImport(
      parseCsv(
        [
          'Naam;Bestuursnummer;Leerlingen',
          'Stichting Openbaar Onderwijs Duinrand;41234;2.400',
          'Vereniging Chr. VO Kennemerland;;1900',
          'Stichting Nieuw;55555;700',
        ].join('\r\n'),
      ),
      BOARDS,
    );
    expect(report.rows.map((r) => r.outcome)).toEqual(['unchanged', 'changed', 'created']);
    expect(report.counts).toEqual({ created: 1, changed: 1, unchanged: 1, refused: 0 });
    expect(writes).toEqual([
      { id: 'b2', name: 'Vereniging Chr. VO Kennemerland', boardNumber: null, pupilCount: 1900 },
      { id: null, name: 'Stichting Nieuw', boardNumber: '55555', pupilCount: 700 },
    ]);
  });

  it('renames a board found by its bestuursnummer', () => {
    const { report, writes } = planBoardImport(
      parseCsv('naam;bestuursnummer;leerlingen\nStichting Duinrand;41234;2400'),
      BOARDS,
    );
    expect(report.rows[0]!.outcome).toBe('changed');
    expect(writes[0]).toMatchObject({ id: 'b1', name: 'Stichting Duinrand' });
  });

  it.each([
    ['missing name', ';;12', '2 naam: Vul deze kolom in.'],
    [
      'negative pupils',
      'Stichting X;;-5',
      '2 leerlingen: -5 is geen aantal: vul een heel getal in van 0 of meer, zoals 1.250.',
    ],
    [
      'decimal pupils',
      'Stichting X;;12,5',
      '2 leerlingen: 12,5 is geen aantal: vul een heel getal in van 0 of meer, zoals 1.250.',
    ],
    [
      'bad bestuursnummer',
      'Stichting X;4123;12',
      '2 bestuursnummer: 4123 is geen bestuursnummer: vijf cijfers, zoals 41234.',
    ],
    [
      'too many cells',
      'Stichting X;;12;extra',
      '2 -: Deze regel heeft 4 kolommen, de eerste regel 3.',
    ],
    [
      'name of another board than its number',
      'Vereniging Chr. VO Kennemerland;41234;12',
      '2 naam: Er is al een ander bestuur met de naam Vereniging Chr. VO Kennemerland.',
    ],
  ])('refuses a row with %s, naming row, column and rule', (_, line, expected) => {
    const { report, writes } = planBoardImport(
      parseCsv(`naam;bestuursnummer;leerlingen\n${line}`),
      BOARDS,
    );
    expect(problems(report as never)).toEqual([expected]);
    expect(report.counts.refused).toBe(1);
    expect(writes).toEqual([]);
  });

  it('refuses the second of two rows for the same board, and imports the first', () => {
    const { report } = planBoardImport(
      parseCsv('naam;leerlingen\nStichting X;10\nstichting x;12'),
      [],
    );
    expect(report.rows.map((r) => r.outcome)).toEqual(['created', 'refused']);
    expect(problems(report as never)).toEqual(['3 naam: Dit staat al op regel 2 van het bestand.']);
  });

  it.each([
    ['naam;aantal\nX;1', 'RULE_VIOLATION file: De eerste regel mist de kolom(men): leerlingen.'],
    [
      'naam;leerlingen;kleur\nX;1;rood',
      'RULE_VIOLATION file: Onbekende kolom(men) in de eerste regel: kleur.',
    ],
    [
      'naam;leerlingen;Naam\nX;1;Y',
      'RULE_VIOLATION file: De kolom Naam staat twee keer in de eerste regel.',
    ],
  ])('refuses a wrong header %j as a whole', (text, expected) => {
    let got = 'accepted';
    try {
      planBoardImport(parseCsv(text), BOARDS);
    } catch (e) {
      if (!(e instanceof DomainError) || !e.text) throw e;
      got = `${e.code} ${e.field}: ${renderText('nl', e.text)}`;
    }
    expect(got).toBe(expected);
  });
});

describe('planSchoolImport', () => {
  const header = 'BRIN;Vestiging;Naam;Bestuur;Soort;Leerlingen;Vast bedrag';

  it('matches a school by BRIN and location (putting back the zero Excel drops), finds its board by number or name', () => {
    const { report, writes } = planSchoolImport(
      parseCsv(
        [
          header,
          '20AB;0;Duinrand College;41234;regulier;1.200;45.000,00',
          '20ab;1;Duinrand Mavo;Vereniging Chr. VO Kennemerland;vo;640;30000',
          '21CD;;VSO De Duinpan;41234;vso;80;',
        ].join('\n'),
      ),
      BOARDS,
      SCHOOLS,
    );
    expect(report.rows.map((r) => r.outcome)).toEqual(['unchanged', 'created', 'created']);
    expect(writes).toEqual([
      {
        id: null,
        name: 'Duinrand Mavo',
        brin: '20AB01',
        boardId: 'b2',
        kind: 'regular',
        pupilCount: 640,
        locationCount: undefined,
        fixedAmountCents: 3_000_000,
      },
      {
        id: null,
        name: 'VSO De Duinpan',
        brin: '21CD',
        boardId: 'b1',
        kind: 'special',
        pupilCount: 80,
        locationCount: undefined,
        fixedAmountCents: 0,
      },
    ]);
  });

  it.each([
    [
      'bad BRIN',
      '2AB;00;X;41234;regulier;1;',
      '2 BRIN: 2AB is geen BRIN-code: twee cijfers en twee letters, zoals 20AB.',
    ],
    [
      'bad location',
      '20AB;A1;X;41234;regulier;1;',
      '2 Vestiging: A1 is geen vestigingscode: twee cijfers, zoals 01.',
    ],
    [
      'negative pupils',
      '20AB;02;X;41234;regulier;-3;',
      '2 Leerlingen: -3 is geen aantal: vul een heel getal in van 0 of meer, zoals 1.250.',
    ],
    [
      'unknown board',
      '20AB;02;X;Stichting Elders;regulier;1;',
      '2 Bestuur: Er is geen bestuur Stichting Elders: importeer eerst de besturen, of schrijf de naam of het bestuursnummer zoals het in Beheer staat.',
    ],
    [
      'unknown kind',
      '20AB;02;X;41234;groot;1;',
      '2 Soort: groot is geen soort school: kies regulier of speciaal.',
    ],
    ['missing kind', '20AB;02;X;41234;;1;', '2 Soort: Vul deze kolom in.'],
    [
      'bad amount',
      '20AB;02;X;41234;regulier;1;12,345',
      '2 Vast bedrag: 12,345 is geen bedrag: schrijf euro’s met een decimale komma, zoals 1.234,56.',
    ],
    [
      'special school with a fixed amount',
      '20AB;02;X;41234;speciaal;1;100',
      '2 Vast bedrag: Een speciale school krijgt geen vast bedrag: laat dit leeg of 0.',
    ],
  ])('refuses a row with %s', (_, line, expected) => {
    const { report, writes } = planSchoolImport(parseCsv(`${header}\n${line}`), BOARDS, SCHOOLS);
    expect(problems(report as never)).toEqual([expected]);
    expect(writes).toEqual([]);
  });

  it('refuses a duplicate BRIN and location in the file', () => {
    const { report } = planSchoolImport(
      parseCsv(`${header}\n20AB;03;X;41234;regulier;1;\n20AB;3;Y;41234;regulier;1;`),
      BOARDS,
      SCHOOLS,
    );
    expect(problems(report as never)).toEqual(['3 BRIN: Dit staat al op regel 2 van het bestand.']);
  });
});

describe('planPersonImport', () => {
  const context = {
    boards: BOARDS,
    schools: SCHOOLS,
    bodies: BODIES,
    persons: PERSONS,
    emailsElsewhere: new Set(['elders@andere-swv.example']),
  };
  const header = 'Naam;E-mail;Rollen;Bestuur;School;Organen;Bestuurder';

  it('adds people with roles, school, memberships (with the represented board for a weighted body) and bestuurders', () => {
    const { report, writes } = planPersonImport(
      parseCsv(
        [
          header,
          'Ilse Dekker;I.Dekker@duinrand.example;beheerder;;;;',
          'Kees Bakker;k.bakker@duinrand.example;;41234;;alv;ja',
          'Fleur Smit;zorg@duinrand-college.example;;;20AB00;;',
          'Omar Aziz;o.aziz@opr.example;orgaanlid;;;Ondersteuningsplanraad;nee',
        ].join('\n'),
      ),
      context,
    );
    expect(report.rows.map((r) => r.outcome)).toEqual([
      'unchanged',
      'created',
      'created',
      'created',
    ]);
    expect(
      writes.map((w) => [
        w.email,
        w.roles,
        w.boardId,
        w.schoolId,
        w.addMemberships,
        w.bestuurderOf,
      ]),
    ).toEqual([
      [
        'k.bakker@duinrand.example',
        ['body_member'],
        'b1',
        null,
        [{ bodyId: 'alv', boardId: 'b1' }],
        'b1',
      ],
      ['zorg@duinrand-college.example', ['school_contact'], 'b1', 's1', [], null],
      ['o.aziz@opr.example', ['body_member'], null, null, [{ bodyId: 'opr', boardId: null }], null],
    ]);
  });

  it.each([
    [
      'bad e-mail',
      'X;geen-adres;;;;;',
      '2 E-mail: geen-adres is geen e-mailadres: schrijf het als naam@school.nl.',
    ],
    ['missing e-mail', 'X;;;;;;', '2 E-mail: Vul deze kolom in.'],
    [
      'e-mail of another SWV',
      'X;elders@andere-swv.example;;;;;',
      '2 E-mail: Dit e-mailadres hoort bij een persoon van een ander samenwerkingsverband.',
    ],
    [
      'unknown role',
      'X;x@y.example;koning;;;;',
      '2 Rollen: koning is geen rol: kies uit beheerder, secretariaat, directeur, orgaanlid, school, ect.',
    ],
    [
      'unknown board',
      'X;x@y.example;;Stichting Elders;;;',
      '2 Bestuur: Er is geen bestuur Stichting Elders: importeer eerst de besturen, of schrijf de naam of het bestuursnummer zoals het in Beheer staat.',
    ],
    [
      'unknown school',
      'X;x@y.example;;;99ZZ00;;',
      '2 School: Er is geen school 99ZZ00: importeer eerst de scholen, of schrijf de BRIN-code met vestiging of de naam.',
    ],
    [
      'unknown body',
      'X;x@y.example;;;;kerkraad;',
      '2 Organen: Er is geen orgaan kerkraad: gebruik de sleutel of naam van een orgaan van het samenwerkingsverband.',
    ],
    [
      'ALV member without a board',
      'X;x@y.example;;;;alv;',
      '2 Organen: In alv wegen stemmen naar leerlingaantal: vul het bestuur in dat dit lid vertegenwoordigt.',
    ],
    [
      'bestuurder without a board',
      'X;x@y.example;;;;;ja',
      '2 Bestuurder: Wie bestuurder is, heeft een bestuur nodig in de kolom bestuur.',
    ],
  ])('refuses a row with %s', (_, line, expected) => {
    const { report, writes } = planPersonImport(parseCsv(`${header}\n${line}`), context);
    expect(problems(report as never)).toEqual([expected]);
    expect(writes).toEqual([]);
  });

  it('makes a person the chair of the bodies in column voorzitter, once', () => {
    const csv = parseCsv(
      'naam;email;organen;voorzitter\nOmar Aziz;o.aziz@opr.example;opr;Ondersteuningsplanraad',
    );
    expect(planPersonImport(csv, context).writes[0]!.chairOf).toEqual(['opr']);
    const again = planPersonImport(csv, {
      ...context,
      bodies: BODIES.map((b) => (b.id === 'opr' ? { ...b, chairPersonId: 'p9' } : b)),
      persons: [
        {
          ...PERSONS[0]!,
          id: 'p9',
          name: 'Omar Aziz',
          email: 'o.aziz@opr.example',
          roles: ['body_member'],
          bodyIds: ['opr'],
        },
      ],
    });
    expect(again.report.rows[0]!.outcome).toBe('unchanged');
    const unknown = planPersonImport(
      parseCsv('naam;email;voorzitter\nX;x@y.example;kerkraad'),
      context,
    );
    expect(problems(unknown.report as never)).toEqual([
      '2 voorzitter: Er is geen orgaan kerkraad: gebruik de sleutel of naam van een orgaan van het samenwerkingsverband.',
    ]);
  });

  it('refuses the second row of the same address, and only adds roles', () => {
    const { report, writes } = planPersonImport(
      parseCsv(
        'naam;email;rollen\nIlse Dekker;i.dekker@duinrand.example;directeur\nIlse;I.DEKKER@duinrand.example;',
      ),
      context,
    );
    expect(report.rows.map((r) => r.outcome)).toEqual(['changed', 'refused']);
    expect(writes[0]!.roles).toEqual(['admin', 'director', 'secretariat']);
  });
});
