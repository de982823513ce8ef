import type { adminLists as nl } from '../../nl/web/admin-lists';

export const adminLists: typeof nl = {
  lists: {
    searchLabel: {
      boards: 'Find a board',
      schools: 'Find a school',
      persons: 'Find a person',
      bodies: 'Find a body',
    },
    searchHint: {
      boards: 'By name.',
      schools: 'By name, BRIN code or board.',
      persons: 'By name, e-mail address or role.',
      bodies: 'By name or code.',
    },
    searchButton: 'Search',
    clear: 'Show all',
    count: (shown, total, what) =>
      shown === total ? `${total} ${what}` : `${shown} of ${total} ${what}`,
    countWhat: {
      boards: 'boards',
      schools: 'schools',
      persons: 'people',
      bodies: 'bodies',
    },
    matching: (query) => `found with “${query}”`,
    noneFound: (query) =>
      `Nothing found with “${query}”. Check the spelling or search for part of the name.`,
    pagesLabel: (what) => `Pages of ${what}`,
    previous: 'Previous page',
    next: 'Next page',
    pageOf: (page, pages) => `Page ${page} of ${pages}`,
  },
  picker: {
    hint: 'Type part of the name or e-mail address and choose from the list. Leave empty: none.',
    hintRequired: 'Type part of the name or e-mail address and choose from the list.',
  },
  inUse: {
    boards:
      'This school board is still in use. First move the schools and people below to another board, or delete them; then you can delete the board.',
    schools:
      'This school is still in use. First link the people below to another school, or make them inactive; then you can delete the school.',
  },
  usedBySchools: 'These schools belong to this board:',
  letters: {
    title: 'Allocation letters',
    intro: 'The letters about the allocation to the boards, after the budget was adopted.',
    introBoard: 'The allocation letters to your board.',
    none: 'There are no allocation letters yet. They are sent once the budget is adopted.',
    year: 'Budget year',
    board: 'Board',
    date: 'Date',
    total: 'Total',
    open: (board, year) => `Letter ${board} ${year} (PDF)`,
    pdfName: (board, year) => `Allocation ${year} ${board}`,
    page: (page, pages) => `Page ${page} of ${pages}`,
  },
};
