/** 'Beheer' → importeren: boards, schools and people from a CSV file saved by Excel (issue #15). */
export const csvImportPage = {
  importTitle: 'Importeren uit Excel (CSV)',
  importLink: 'Besturen, scholen of personen importeren uit Excel (CSV)',
  importIntro:
    'Sla de lijst in Excel op als “CSV UTF-8 (gescheiden door lijstscheidingsteken)”: puntkomma’s tussen de kolommen, de eerste regel met kolomnamen. Importeer eerst de besturen, dan de scholen, dan de personen. Hetzelfde bestand nog eens importeren verandert niets; een regel met een fout wordt overgeslagen en in het verslag uitgelegd.',
  importKind: 'Wat importeert u?',
  importKinds: { boards: 'Schoolbesturen', schools: 'Scholen', persons: 'Personen' } as Record<
    'boards' | 'schools' | 'persons',
    string
  >,
  importFile: 'CSV-bestand',
  importFileHint: 'Een .csv-bestand van hoogstens 2 MB.',
  importFileMissing: 'Kies een CSV-bestand.',
  importButton: 'Importeren',
  importColumnsTitle: 'Kolommen',
  importColumnsRequired: 'verplicht',
  importColumns: {
    boards: 'naam (verplicht); bestuursnummer (vijf cijfers); leerlingen (verplicht)',
    schools:
      'brin (verplicht, zoals 20AB); vestiging (zoals 01); naam (verplicht); bestuur (naam of bestuursnummer, verplicht); soort (regulier of speciaal, verplicht); leerlingen; vestigingen (aantal); vast bedrag (in euro’s)',
    persons:
      'naam (verplicht); e-mail (verplicht); rollen (beheerder, secretariaat, directeur, orgaanlid, school, ect; gescheiden door komma’s); bestuur; school (BRIN-code met vestiging, of naam); organen (sleutel of naam, gescheiden door komma’s); voorzitter (de organen die de persoon voorzit); bestuurder (ja of nee); taal (nl of en)',
  } as Record<'boards' | 'schools' | 'persons', string>,
  importReportTitle: (kind: string) => `Verslag van de import: ${kind.toLowerCase()}`,
  importCounts: (c: { created: number; changed: number; unchanged: number; refused: number }) =>
    `${c.created} toegevoegd, ${c.changed} gewijzigd, ${c.unchanged} ongewijzigd, ${c.refused} geweigerd.`,
  importRefusedNote:
    'Geweigerde regels zijn niet opgeslagen. Verbeter ze in Excel en importeer het bestand opnieuw: de rest blijft zoals het is.',
  importTableLabel: 'Regels van het bestand',
  importRow: 'Regel',
  importWhat: 'Gegevens',
  importOutcome: 'Uitkomst',
  importWhy: 'Toelichting',
  importOutcomes: {
    created: 'Toegevoegd',
    changed: 'Gewijzigd',
    unchanged: 'Ongewijzigd',
    refused: 'Geweigerd',
  } as Record<'created' | 'changed' | 'unchanged' | 'refused', string>,
  importColumn: (column: string) => `Kolom ${column}`,
  importAgain: 'Nog een bestand importeren',
};
