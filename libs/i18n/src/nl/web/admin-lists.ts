/** Beheer at the size of a real SWV: searching and paging the lists, the person picker, the allocation letters. */
export const adminLists = {
  lists: {
    searchLabel: {
      boards: 'Zoek een bestuur',
      schools: 'Zoek een school',
      persons: 'Zoek een persoon',
      bodies: 'Zoek een orgaan',
    },
    searchHint: {
      boards: 'Op naam.',
      schools: 'Op naam, BRIN-code of bestuur.',
      persons: 'Op naam, e-mailadres of rol.',
      bodies: 'Op naam of code.',
    },
    searchButton: 'Zoeken',
    clear: 'Alles tonen',
    /** "12 van de 140 personen" (shown), or all when nothing is left out. */
    count: (shown: number, total: number, what: string) =>
      shown === total ? `${total} ${what}` : `${shown} van de ${total} ${what}`,
    countWhat: {
      boards: 'besturen',
      schools: 'scholen',
      persons: 'personen',
      bodies: 'organen',
    },
    matching: (query: string) => `gevonden met „${query}”`,
    noneFound: (query: string) =>
      `Niets gevonden met „${query}”. Controleer de spelling of zoek op een deel van de naam.`,
    pagesLabel: (what: string) => `Pagina's ${what}`,
    previous: 'Vorige pagina',
    next: 'Volgende pagina',
    pageOf: (page: number, pages: number) => `Pagina ${page} van ${pages}`,
  },
  picker: {
    hint: 'Typ een deel van de naam of het e-mailadres en kies uit de lijst. Leeg laten: geen.',
    hintRequired: 'Typ een deel van de naam of het e-mailadres en kies uit de lijst.',
  },
  inUse: {
    boards:
      'Dit schoolbestuur is nog in gebruik. Zet de scholen en personen hieronder eerst bij een ander bestuur, of verwijder ze; daarna kunt u het bestuur verwijderen.',
    schools:
      'Deze school is nog in gebruik. Koppel de personen hieronder eerst aan een andere school, of zet ze op inactief; daarna kunt u de school verwijderen.',
  },
  usedBySchools: 'Deze scholen horen bij dit bestuur:',
  letters: {
    title: 'Toekenningsbrieven',
    intro: 'De brieven over de toekenning aan de besturen, na de vaststelling van de begroting.',
    introBoard: 'De toekenningsbrieven aan uw bestuur.',
    none: 'Er zijn nog geen toekenningsbrieven. Ze worden verstuurd zodra de begroting is vastgesteld.',
    year: 'Begrotingsjaar',
    board: 'Bestuur',
    date: 'Datum',
    total: 'Totaal',
    open: (board: string, year: number) => `Brief ${board} ${year} (PDF)`,
    pdfName: (board: string, year: number) => `Toekenning ${year} ${board}`,
    page: (page: number, pages: number) => `Pagina ${page} van ${pages}`,
  },
};
