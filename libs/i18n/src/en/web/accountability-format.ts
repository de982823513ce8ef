import type { accountabilityFormat as nl } from '../../nl/web/accountability-format';

export const accountabilityFormat: typeof nl = {
  fmt: {
    title: 'Accountability format',
    versionTitle: (v: number) => `Accountability format, version ${v}`,
    intro:
      'The format in which every school accounts for what it did with the SWV’s funds: income in euros, expenses in FTE and euros, and an appendix describing the extra support. Every change becomes a new version; an accountability keeps the version it started with.',
    current: (v: number) => `Current version: ${v}.`,
    publishedOn: (when: string, who: string | null) =>
      who ? `Published on ${when} by ${who}.` : `Published on ${when}.`,
    isDefault:
      'This is the default format (after the support plan); your SWV has not changed it yet.',
    versions: 'Versions',
    version: 'Version',
    versionN: (v: number) => `Version ${v}`,
    publishedAt: 'Published',
    by: 'By',
    usedBy: 'Used by',
    notUsed: 'No accountability yet',
    standard: 'Default format',
    editTitle: 'Publish a new version',
    editIntro:
      'Change the lines and publish them as a new version. Running accountabilities do not change; an accountability you start after this uses the new version.',
    income: 'Income',
    incomeIntro:
      'The lines on which schools enter amounts in euros. The line for the SWV’s variable amount counts as funds received when the underspending is computed.',
    expenses: 'Expenses',
    expensesIntro: 'The lines on which schools enter FTE and euros, grouped by category.',
    appendix: 'Appendix',
    appendixIntro:
      'In the appendix the school describes the extra support it delivers, with its FTE. Choose how that FTE must match the expenses.',
    row: (n: number) => `Line ${n}`,
    label: 'Description',
    key: 'Key',
    keyHint:
      'A line’s key consists of lowercase letters, digits and _. Leave it empty on a new line: it is then made from the description. Better not change the key of an existing line: the export and comparisons between years use it.',
    category: 'Category',
    categoryHint:
      'A category consists of lowercase letters, digits and _, such as extra_ondersteuning or materieel.',
    required: 'Required for every school',
    remove: 'Remove this line',
    addIncome: 'Add an income line',
    addExpense: 'Add an expense line',
    lineAdded: 'An empty line has been added. Publish to keep your changes.',
    lineMoved: 'The line has been moved. Publish to keep your changes.',
    moveUp: 'Move up',
    moveDown: 'Move down',
    fteRule: 'FTE in the appendix',
    fteRuleOption: {
      none: 'Do not check',
      equal_to_extra_support_fte: 'Equal to the FTE of the extra support category',
      at_most_extra_support_fte: 'At most the FTE of the extra support category',
    } as Record<string, string>,
    extraSupportCategory: 'Extra support category',
    extraSupportCategoryHint: (categories: string) =>
      `The category of the expense lines the appendix FTE is compared with. In this format: ${categories}.`,
    publish: (v: number) => `Publish as version ${v}`,
    published: (v: number) =>
      `Version ${v} has been published. An accountability you start from now on uses this version.`,
    unchanged: (v: number) => `Nothing has changed since version ${v}. Change a line first.`,
    conflict: (v: number) =>
      `Version ${v} has been published in the meantime, probably by a colleague. Your changes are below but have not been published. Look at version ${v} in the list, then publish again if you want your version.`,
    yes: 'Yes',
    no: 'No',
    view: (v: number) => `View version ${v}`,
    back: 'Back to the format',
    startNote: (v: number) => `The schools fill in version ${v} of the accountability format.`,
    startNoteLink: 'View or change the format',
    noVariableLine:
      'Note: this format has no income line for the SWV’s variable amount. When an accountability is accepted, only the school’s fixed amount then counts as received, and the underspending comes out lower.',
    link: 'Accountability format',
  },
};
