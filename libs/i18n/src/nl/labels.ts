/**
 * Words the domain hands out with its results: the schools' statuses and the columns of the
 * overview export (for Dutch Excel, so always in Dutch), the lines of a budget cycle's planned
 * timeline.
 */
export const labels = {
  accountabilityStatus: {
    not_started: 'Niet begonnen',
    draft: 'Concept',
    submitted: 'Ingediend',
    returned: 'Teruggestuurd voor correctie',
    accepted: 'Geaccepteerd',
    late: 'Te laat',
    waived: 'Vrijgesteld',
  },
  overviewCsvHeader: [
    'School',
    'Bestuur',
    'Status',
    'Dagen te laat',
    'Ingediend op',
    'Korting (EUR)',
    'Reden vrijstelling',
  ],
  budgetTimeline: {
    reminder: (year: number, deadline: string) =>
      `Herinnering: stemmen over de begroting ${year} kan tot ${deadline}`,
    deadline: (year: number) => `Deadline stemming begroting ${year}`,
    escalation: 'Escalatie naar voorzitter en secretariaat als het quorum niet is gehaald',
    letters: (year: number) => `Toekenningsbrieven ${year} naar scholen en schoolbesturen`,
  },
};
