/**
 * Words the domain hands out with its results: the schools' statuses and the columns of the
 * overview export (for Dutch Excel, so always in Dutch), the lines of a budget cycle's planned
 * timeline, why a locked choice of a visitation schedule cannot be kept.
 */
export const labels = {
  accountabilityStatus: {
    not_started: 'Niet gestart',
    draft: 'Concept',
    submitted: 'Ingediend',
    returned: 'Teruggestuurd voor correctie',
    accepted: 'Geaccepteerd',
    late: 'Te laat',
    waived: 'Vrijgesteld',
  },
  visitationCsvHeader: [
    'Gastheer',
    'Visitedatum',
    'Status',
    'Voorzitter',
    'Te laat',
    'Open verbeteracties',
  ],
  visitStatus: {
    scheduled: 'Gepland',
    confirmed: 'Bevestigd',
    held: 'Gehouden',
    reported: 'Conceptrapport',
    following_up: 'Verbeteracties',
    closed: 'Afgerond',
    cancelled: 'Geannuleerd',
  },
  overviewCsvHeader: [
    'School',
    'Bestuur',
    'Status',
    'Dagen te laat',
    'Ingediend op',
    'Ontvangen (EUR)',
    'Uitgegeven (EUR)',
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
  /** Why a locked choice of a visitation schedule cannot be kept (the domain's LockProblem). */
  visitationLockProblem: {
    'unknown-host': 'onbekende gastschool',
    'unknown-visitor': 'onbekende visitator',
    'not-a-visit-day':
      'die dag valt buiten de vensters, in het weekend, op een feestdag of in de vakantie',
    'two-dates': 'er zijn twee verschillende data vastgezet',
    'visitor-unavailable': 'de visitator kan niet op de vastgezette dag',
    'own-school': 'de visitator komt van de eigen school',
    'own-board': 'de visitator komt van het eigen bestuur',
    excluded: 'de visitator mag deze school niet visiteren',
    'untrained-chair': 'de voorzitter is niet getraind',
    'two-chairs': 'er zijn twee voorzitters vastgezet',
    'team-full': 'er zijn meer mensen vastgezet dan het team telt',
  },
};
