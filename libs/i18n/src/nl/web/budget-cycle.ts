import type { Decided, DecisionKindKey, TimelineArgs } from '../../web-types';

/** A budget cycle's page: bodies, tallies, reminders, history and the secretariat's actions. */
export const budgetCycle = {
  backToCycles: 'Terug naar de cycli',
  roundNumber: (n: number) => `Ronde ${n}`,
  currentRound: 'Stemronde',
  bodiesTitle: 'Organen',
  bodyStatus: 'Stand',
  bodyState: {
    opening: 'Stemming wordt geopend',
    open: 'Stemming open',
    escalated: 'Deadline verstreken zonder quorum',
    approved: 'Besloten',
    rejected: 'Besloten',
    no_quorum: 'Gesloten zonder quorum',
    cancelled: 'Vervallen: een ander orgaan wees af',
  },
  decided: {
    goedkeuring: { approved: 'goedgekeurd', rejected: 'afgekeurd' },
    instemming: { approved: 'ingestemd', rejected: 'instemming onthouden' },
    advies: { approved: 'positief advies', rejected: 'negatief advies' },
  } satisfies Record<DecisionKindKey, Record<Decided, string>>,
  noQuorumResult: 'geen quorum',
  tallyCaption: (body: string) => `Stemmen ${body}`,
  vote: 'Stem',
  weight: 'Gewicht',
  count: 'Aantal',
  share: 'Aandeel',
  shareHint: 'Aandeel: van de uitgebrachte stemmen.',
  totalCast: 'Uitgebracht',
  quorum: 'Quorum',
  quorumWeight: (voted: string, total: string) => `${voted} van ${total} stemgewicht uitgebracht`,
  quorumMembers: (voted: string, total: string) =>
    `${voted} van ${total} leden ${voted === '1' ? 'heeft' : 'hebben'} gestemd`,
  quorumNeeded: (needed: string) => `nodig voor het quorum: ${needed}`,
  quorumReached: 'Quorum gehaald',
  quorumNotReached: 'Quorum nog niet gehaald',
  noQuorumRule: 'Geen quorum vereist',
  votingOpening:
    'De leden en hun stemgewicht worden vastgelegd. Vernieuw de pagina over enkele ogenblikken.',
  notVoted: 'Nog niet gestemd',
  voted: 'Gestemd',
  nobodyVoted: 'Nog niemand heeft gestemd.',
  everyoneVoted: 'Iedereen heeft gestemd.',
  voteWithWeight: (value: string, weight: string) => `${value}, gewicht ${weight}`,
  weightOf: (weight: string) => `gewicht ${weight}`,
  closedBy: (name: string) => `gesloten door ${name}`,
  remindersSent: (n: number) => `${n} herinnering${n === 1 ? '' : 'en'} verstuurd`,
  nextReminder: 'Volgende herinnering',
  remindersTitle: 'Herinneringen',
  timelineTitle: 'Verloop',
  timelineEmpty: 'Nog geen gebeurtenissen.',
  timeline: {
    cycle_started: (a) => `Cyclus gestart${a.actor ? ` door ${a.actor}` : ''}`,
    round_opened: (a) => `Stemronde ${a.round ?? ''} geopend`,
    ballots_sent: (a) => `Stemuitnodigingen verstuurd aan ${a.body ?? ''} (${a.count ?? 0} leden)`,
    // Without a value where the body's vote secrecy hides how the member voted.
    vote_cast: (a) =>
      a.value
        ? `${a.actor ?? 'Een lid'} (${a.body ?? ''}) stemde ${a.value}${a.weight ? `, gewicht ${a.weight}` : ''}`
        : `${a.actor ?? 'Een lid'} (${a.body ?? ''}) heeft gestemd`,
    vote_changed: (a) =>
      a.value
        ? `${a.actor ?? 'Een lid'} (${a.body ?? ''}) wijzigde de stem in ${a.value}`
        : `${a.actor ?? 'Een lid'} (${a.body ?? ''}) wijzigde de stem`,
    reminder_requested: (a) =>
      `Herinnering aangevraagd voor ${a.body ?? ''}${a.actor ? ` door ${a.actor}` : ''}`,
    reminder_sent: (a) => `Herinnering verstuurd aan ${a.count ?? 0} leden van ${a.body ?? ''}`,
    deadline_missed: (a) => `Deadline van ${a.body ?? ''} verstreken zonder quorum`,
    escalation_sent: (a) => `Escalatie verstuurd aan voorzitter en secretariaat (${a.body ?? ''})`,
    result_sent: (a) => `Uitslag gemaild aan de leden (${a.body ?? ''})`,
    cancellation_sent: (a) =>
      `Leden gemaild dat hun stemming is vervallen, en waarom (${a.body ?? ''})`,
    deadline_extended: (a) =>
      `Deadline van ${a.body ?? ''} verlengd tot ${a.when ?? ''}${a.actor ? ` door ${a.actor}` : ''}`,
    body_decided: (a) =>
      `${a.body ?? ''}: ${a.result ?? ''}${a.actor ? ` (gesloten door ${a.actor})` : ''}`,
    body_cancelled: (a) => `${a.body ?? ''}: stemming vervallen, want een ander orgaan wees af`,
    round_approved: (a) => `Ronde ${a.round ?? ''}: alle organen stemden in of keurden goed`,
    round_rejected: (a) => `Ronde ${a.round ?? ''} afgewezen`,
    dispute_recorded: (a) => `Geschil vastgelegd: ${a.body ?? ''} onthield opnieuw instemming`,
    revision_submitted: (a) =>
      `Herziene versie ingediend${a.actor ? ` door ${a.actor}` : ''}; ronde ${a.round ?? ''} geopend`,
    adoption_requested: () => 'Vaststelling gevraagd aan de directeur-bestuurder',
    budget_adopted: (a) => `Begroting vastgesteld${a.actor ? ` door ${a.actor}` : ''}`,
    letters_scheduled: (a) => `Toekenningsbrieven gepland op ${a.when ?? ''}`,
    letters_sent: (a) => `Toekenningsbrieven verstuurd (${a.count ?? 0})`,
    cycle_completed: () => 'Cyclus afgerond',
    consent_withheld: (a) => `${a.body ?? ''} onthield de instemming in ronde ${a.round ?? ''}`,
    dispute_referred: (a) =>
      `Geschil voorgelegd aan de Commissie voor Geschillen Medezeggenschap${a.actor ? ` (vastgelegd door ${a.actor})` : ''}`,
    dispute_resolved: (a) =>
      `Uitspraak van de Commissie vastgelegd${a.actor ? ` door ${a.actor}` : ''}`,
    plan_adopted: (a) => `Ondersteuningsplan vastgesteld${a.actor ? ` door ${a.actor}` : ''}`,
  } satisfies Record<string, (a: TimelineArgs) => string>,
  adoptedOn: (date: string, name: string) => `Vastgesteld op ${date} door ${name}`,
  lettersPlanned: 'Toekenningsbrieven gepland',
  lettersSentOn: (date: string, n: number) => `Toekenningsbrieven verstuurd op ${date} (${n})`,
  disputeNote: (body: string, rounds: string) =>
    `${body} heeft in ronde ${rounds} de instemming onthouden. Het geschil kan worden voorgelegd aan de landelijke Commissie voor Geschillen Medezeggenschap; een herziene versie indienen kan nog steeds.`,
  actionsTitle: 'Acties van het secretariaat',
  anyBody: 'Alle open organen',
  escalatedBodies: 'Alle organen zonder quorum',
  remindNow: 'Herinner nu',
  remindHint:
    'Leden die nog niet hebben gestemd krijgen nu een herinnering, of op het eerstvolgende werkmoment.',
  extendDeadline: 'Verleng deadline',
  newDeadline: 'Nieuwe deadline',
  newDeadlineHint: 'Datum en tijd (Nederlandse tijd), zoals 18-12-2026 17:00.',
  closeRound: 'Sluit ronde',
  closeRoundHint:
    'Alleen als de deadline is verstreken zonder quorum. Het orgaan besluit dan met de stemmen die zijn uitgebracht.',
  confirmClose: 'De stemming wordt gesloten met de stemmen die zijn uitgebracht. Doorgaan?',
  revisionTitle: 'Herziene versie',
  revisionIntro:
    'Het voorstel is afgewezen. Met een herziene versie opent een nieuwe stemronde voor alle organen; eerdere stemmen tellen dan niet meer mee.',
  revisionDeadline: 'Deadline van de nieuwe ronde (niet verplicht)',
  revisionDeadlineHint:
    'Leeg laten: de oorspronkelijke deadline, als die nog niet voorbij is. Zoals 15-01-2027 17:00.',
  uploadRevision: 'Upload herziene versie',
  adoptTitle: 'Vaststellen',
  adoptIntro:
    'ALV en RvT hebben goedgekeurd en de OPR heeft ingestemd. Als directeur-bestuurder stelt u de begroting nu vast; daarna gaan de toekenningsbrieven op de geplande datum naar de schoolbesturen.',
  adoptButton: 'Vaststellen',
  confirmAdopt: 'U stelt de begroting vast. Dit kan niet ongedaan worden gemaakt. Doorgaan?',
  adoptOtherDirector:
    'Alleen de directeur-bestuurder van deze cyclus kan de begroting vaststellen.',
  actionDone: {
    reminded: 'De herinnering is aangevraagd.',
    extended: 'De deadline is verlengd.',
    closed: 'De stemming is gesloten.',
    revised: 'De herziene versie is ingediend. Een nieuwe stemronde is geopend.',
    adopted: 'De begroting is vastgesteld.',
  },
  cycleUnreachable:
    'De cyclus is op dit moment niet bereikbaar. Probeer het over enkele minuten opnieuw.',
  adoptTaskIntro: 'Stel de begroting vast op de pagina van de begrotingscyclus.',
  adoptTaskLink: 'Naar de begrotingscyclus om vast te stellen',
};
