/**
 * Mails of a visit (collegial visitations and audits, docs/domain.md §3): to the host's
 * contacts, the team and the secretariat. Dates come formatted for the reader.
 */
export interface VisitMailArgs {
  org: string;
  /** Collegiale visitatie or audit, in the reader's language. */
  kind: string;
  host: string;
  /** The visit date, formatted. */
  date: string;
  /** The step's or action's due moment, formatted ('' when none). */
  due: string;
  /** The step's name, in the reader's language ('' when none). */
  step: string;
}

const prefix = (a: VisitMailArgs) => `[${a.org}] ${a.kind} ${a.host}`;

export const visitation = {
  kinds: { 'collegiale-visitatie': 'Collegiale visitatie', audit: 'Audit' },
  steps: {
    invitation: 'uitnodiging',
    date_confirmation: 'bevestiging van de datum',
    self_evaluation: 'zelfevaluatie',
    visit: 'visite',
    draft_report: 'conceptrapport',
    host_reaction: 'reactie van de school',
    final_report: 'eindrapport',
    follow_up_check: 'controle van de verbeteracties',
  },
  open: 'Openen in Jaarcyclus',
  invitation: {
    subject: (a: VisitMailArgs) => `${prefix(a)} op ${a.date}: bevestig de datum`,
    body: (a: VisitMailArgs) =>
      `${a.org} plant een ${a.kind.toLowerCase()} bij ${a.host} op ${a.date}. U bent uitgenodigd. Bevestig de datum vóór ${a.due}, of laat weten dat u niet kunt: dan zoeken wij voor uw plaats een vervanger.`,
  },
  seat_invitation: {
    subject: (a: VisitMailArgs) => `${prefix(a)} op ${a.date}: kunt u invallen?`,
    body: (a: VisitMailArgs) =>
      `Een lid van het team bij ${a.host} op ${a.date} kan niet. ${a.org} heeft u als vervanger gekozen. Bevestig de datum vóór ${a.due}.`,
  },
  reminder: {
    subject: (a: VisitMailArgs) => `${prefix(a)}: herinnering ${a.step}`,
    body: (a: VisitMailArgs) =>
      `Voor de visite bij ${a.host} op ${a.date} wachten wij nog op uw ${a.step}. Die is uiterlijk ${a.due} nodig.`,
  },
  step_open: {
    subject: (a: VisitMailArgs) => `${prefix(a)}: ${a.step}`,
    body: (a: VisitMailArgs) =>
      `Voor de visite bij ${a.host} op ${a.date} is nu de ${a.step} aan u, uiterlijk ${a.due}.`,
  },
  rescheduled: {
    subject: (a: VisitMailArgs) => `${prefix(a)}: nieuwe datum ${a.date}`,
    body: (a: VisitMailArgs) =>
      `Het secretariaat van ${a.org} heeft de visite bij ${a.host} verplaatst naar ${a.date}. Bevestig de nieuwe datum vóór ${a.due}.`,
  },
  cancelled: {
    subject: (a: VisitMailArgs) => `${prefix(a)}: geannuleerd`,
    body: (a: VisitMailArgs) =>
      `Het secretariaat van ${a.org} heeft de visite bij ${a.host} op ${a.date} geannuleerd. U hoeft niets meer te doen.`,
  },
  follow_up_assigned: {
    subject: (a: VisitMailArgs) => `${prefix(a)}: verbeteractie voor u`,
    body: (a: VisitMailArgs) =>
      `Na de visite bij ${a.host} is een verbeteractie aan u toegewezen, af uiterlijk ${a.due}.`,
  },
  follow_up_reminder: {
    subject: (a: VisitMailArgs) => `${prefix(a)}: herinnering verbeteractie`,
    body: (a: VisitMailArgs) =>
      `Uw verbeteractie na de visite bij ${a.host} moet uiterlijk ${a.due} af zijn.`,
  },
  escalation: {
    subject: (a: VisitMailArgs) => `${prefix(a)}: achterstand`,
    step_overdue: (a: VisitMailArgs) =>
      `De ${a.step} voor de visite bij ${a.host} op ${a.date} was uiterlijk ${a.due} nodig en is er nog niet. Wie nog moet:`,
    seat_unfilled: (a: VisitMailArgs) =>
      `Een teamlid van de visite bij ${a.host} op ${a.date} kan niet, en er is geen vervanger die aan de regels voldoet. Kies zelf een vervanger of verplaats de visite. Wie afzegde:`,
    follow_up_overdue: (a: VisitMailArgs) =>
      `Een verbeteractie na de visite bij ${a.host} moest uiterlijk ${a.due} af zijn en is nog open. Eigenaar:`,
  },
};
