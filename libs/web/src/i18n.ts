import { amsterdamDate, daysBetween, type DecisionKind } from '@jaarcyclus/domain';
import * as i18n from '@jaarcyclus/i18n';
import { isLocale } from '@jaarcyclus/i18n';
import type { Locale, Role, SchoolKind, TaskKind, TaskStatus } from '@jaarcyclus/persistence';
import type {
  AccountabilityCyclePhase,
  BodyRoundStatus,
  BudgetPhase,
  TimelineCode,
} from '@jaarcyclus/workflows';

/** What a line of a cycle's timeline may mention, already formatted for the reader. */
export interface TimelineArgs {
  round: number | null;
  /** The body's name. */
  body: string | null;
  /** The person who acted. */
  actor: string | null;
  /** The vote, in the reader's words ('voor'). */
  value: string | null;
  /** Vote weight, formatted. */
  weight: string | null;
  /** A date the event names (new deadline, letters date), formatted. */
  when: string | null;
  count: number | null;
  /** A body's decision, in the reader's words ('goedgekeurd'). */
  result: string | null;
}

type TimelineTexts = Record<TimelineCode, (a: TimelineArgs) => string>;

/** What the planned timeline of a budget cycle lists (libs/domain budgetTimeline kinds). */
type ScheduleKind = 'reminder' | 'deadline' | 'escalation' | 'letters';
type Decided = 'approved' | 'rejected';
type DecisionKindKey = 'goedkeuring' | 'instemming' | 'advies';

/**
 * Every text of the web app, Dutch first. English is the switchable second language (per
 * person `locale`, overridden by the language switch). Keys are checked by the compiler: an
 * English text missing for a Dutch one is a type error.
 */
const nl = {
  appName: 'Jaarcyclus',
  skipLink: 'Naar de inhoud',
  mainNav: 'Hoofdmenu',
  navTasks: 'Mijn taken',
  navCalendar: 'Agenda',
  navAdmin: 'Beheer',
  signOut: 'Uitloggen',
  signedInAs: (name: string) => `Ingelogd als ${name}`,
  /** The button shows the other language, in that language. */
  switchTo: { locale: 'en' as Locale, label: 'English', hint: 'Switch to English' },
  errorSummary: 'Er is een probleem',
  errorTitlePrefix: 'Fout: ',
  busy: 'Bezig…',
  none: 'Geen',
  yes: 'Ja',
  no: 'Nee',
  save: 'Opslaan',
  settingsTitle: 'Instellingen van het samenwerkingsverband',
  settingsIntro:
    'Deze instellingen gelden voor cycli die hierna starten; een lopende cyclus houdt wat hij bij de start kreeg. Leeg laten: de standaard.',
  budgetReminderDays: 'Herinneringen bij stemmingen over de begroting (werkdagen voor de deadline)',
  accountabilityReminderDays:
    'Herinneringen bij de verantwoording (werkdagen voor de inleverdatum)',
  reminderDaysHint: (defaults: string) =>
    `Aantallen werkdagen, gescheiden door komma’s. Leeg laten: de standaard (${defaults}).`,
  oprDisputeRounds: 'Geschil met de OPR na dit aantal rondes zonder instemming',
  oprDisputeRoundsHint: (defaults: number) =>
    `Daarna gaat het geschil naar de Commissie voor Geschillen. Leeg laten: de standaard (${defaults}).`,
  settingsSaved: 'De instellingen zijn opgeslagen.',
  cancel: 'Annuleren',

  loginTitle: 'Inloggen',
  loginIntro:
    'Vul uw e-mailadres in. U ontvangt een e-mail met een link waarmee u inlogt; een wachtwoord is niet nodig.',
  emailLabel: 'E-mailadres',
  emailHint: 'Het adres waarmee u bij uw samenwerkingsverband bekend bent.',
  loginSubmit: 'Stuur mij een inloglink',
  sessionExpired: 'Uw sessie is verlopen. Log opnieuw in.',
  signInFirst: 'Log in om verder te gaan.',
  signedOut: 'U bent uitgelogd.',
  checkEmailTitle: 'Controleer uw e-mail',
  checkEmailBody: (minutes: number) =>
    `Als dit e-mailadres bij een account hoort, hebben wij een inloglink gestuurd. De link werkt één keer en is ${minutes} minuten geldig.`,
  checkEmailSpam: 'Geen e-mail ontvangen? Kijk ook bij uw ongewenste e-mail.',
  checkEmailLimit: (links: number, minutes: number) =>
    `Om misbruik te voorkomen sturen wij iemand hoogstens ${links} links per ${minutes} minuten. Gebruik zo nodig de laatst ontvangen link: die blijft geldig.`,
  checkEmailAgain: 'Vraag een nieuwe inloglink aan',

  tasksTitle: 'Mijn taken',
  openTasks: 'Openstaande taken',
  doneTasks: 'Afgeronde taken',
  noOpenTasks: 'U heeft geen openstaande taken.',
  noOpenTasksHint: 'Zodra er iets van u gevraagd wordt, ziet u het hier en krijgt u een e-mail.',
  noDoneTasks: 'Nog geen afgeronde taken.',
  deadline: 'Deadline',
  noDeadline: 'Geen deadline',
  daysLeft: (days: number) =>
    days < -1
      ? `${-days} dagen te laat`
      : days === -1
        ? '1 dag te laat'
        : days === 0
          ? 'vandaag'
          : days === 1
            ? 'morgen'
            : `nog ${days} dagen`,
  completedOn: (date: string) => `op ${date}`,
  taskKind: {
    vote: 'Stemmen',
    adopt: 'Vaststellen',
    submit: 'Indienen',
    review: 'Beoordelen',
  } satisfies Record<TaskKind, string>,
  taskStatus: {
    open: 'Open',
    done: 'Afgerond',
    cancelled: 'Vervallen',
  } satisfies Record<TaskStatus, string>,
  status: 'Status',
  kind: 'Soort',
  backToTasks: 'Terug naar mijn taken',
  addToCalendar: 'Deadline in mijn agenda zetten (.ics)',
  taskLaterHere: 'Deze taak kunt u binnenkort op deze pagina afhandelen.',
  taskClosed: 'Deze taak is niet meer open.',

  proposal: 'Voorstel',
  subject: 'Onderwerp',
  body: 'Orgaan',
  decisionKindLabel: 'Soort besluit',
  round: 'Stemronde',
  version: 'Versie',
  yourWeight: 'Uw stemgewicht',
  openProposal: 'Open het voorstel',
  downloadProposal: 'Download het voorstel',
  tallyTitle: 'Stand van de stemming',
  tallyOwnBodyOnly:
    'Alleen de totalen van uw orgaan. Hoe afzonderlijke leden stemden, ziet u hier niet.',
  tallyEarlierRound: (round: number) =>
    `Dit is de eindstand van ronde ${round}. Inmiddels loopt een nieuwe ronde.`,
  tallyUnavailable:
    'De stand van de stemming is op dit moment niet beschikbaar. Probeer het over enkele minuten opnieuw.',
  voteLegend: 'Uw stem',
  voteValue: { for: 'Voor', against: 'Tegen', abstain: 'Onthouding' },
  commentLabel: 'Toelichting (niet verplicht)',
  commentHint: 'Hoogstens 2000 tekens. De toelichting wordt bij uw stem vastgelegd.',
  voteNext: 'Verder naar controleren',
  confirmTitle: 'Controleer uw stem',
  confirmIntro: 'Controleer uw stem en verstuur hem daarna.',
  confirmSend: 'Stem versturen',
  confirmEdit: 'Wijzigen',
  noComment: 'Geen toelichting',
  voteChoose: 'Kies voor, tegen of onthouding.',
  commentTooLong: 'Gebruik hoogstens 2000 tekens.',
  voteReceived: 'Uw stem is ontvangen.',
  votingUnreachable: 'Stemmen lukt op dit moment niet. Probeer het over enkele minuten opnieuw.',

  adminTitle: 'Beheer',
  adminSections: 'Onderdelen',
  readOnlyNote: 'U kunt deze gegevens bekijken. Alleen een beheerder kan ze wijzigen.',
  boards: 'Schoolbesturen',
  schools: 'Scholen',
  people: 'Personen',
  bodies: 'Organen',
  name: 'Naam',
  pupilCount: 'Aantal leerlingen',
  pupilCountHint: 'Het aantal leerlingen bepaalt het stemgewicht van het bestuur in de ALV.',
  bestuurder: 'Bestuurder',
  addBoard: 'Schoolbestuur toevoegen',
  editBoard: 'Schoolbestuur wijzigen',
  boardAdded: (name: string) => `Schoolbestuur ‘${name}’ is toegevoegd.`,
  boardSaved: (name: string) => `De wijzigingen aan ‘${name}’ zijn opgeslagen.`,
  addSchool: 'School toevoegen',
  editSchool: 'School wijzigen',
  schoolAdded: (name: string) => `School ‘${name}’ is toegevoegd.`,
  schoolSaved: (name: string) => `De wijzigingen aan ‘${name}’ zijn opgeslagen.`,
  school: 'School',
  chooseBoard: 'Kies een bestuur',
  brinHint:
    'Niet verplicht. Twee cijfers en twee letters, eventueel met een vestigingsnummer, zoals 20AB.',
  locationsHint: 'Het aantal vestigingen van de school, 1 of meer.',
  fixedAmountHint:
    'Het vaste bedrag per jaar in euro’s, met een komma voor de centen, zoals 45.000,00. Alleen voor reguliere scholen.',
  ectMemberHint: 'Een persoon met de rol ECT-lid.',
  addPerson: 'Persoon toevoegen',
  editPerson: 'Persoon wijzigen',
  personAdded: (name: string) => `${name} is toegevoegd.`,
  personSaved: (name: string) => `De wijzigingen aan ${name} zijn opgeslagen.`,
  rolesHint: 'Kies alle rollen die deze persoon heeft.',
  schoolOfPerson: 'School (voor een contactpersoon)',
  boardOfPerson: 'Bestuur (waarvoor deze persoon werkt of dat hij vertegenwoordigt)',
  activeHint: 'Een inactieve persoon kan niet inloggen en krijgt geen taken.',
  totalPupils: 'Totaal',
  board: 'Bestuur',
  schoolKind: { regular: 'Regulier', special: 'Speciaal (vso)' } satisfies Record<
    SchoolKind,
    string
  >,
  locations: 'Vestigingen',
  fixedAmount: 'Vast bedrag',
  ectMember: 'ECT-lid',
  brin: 'BRIN',
  email: 'E-mailadres',
  roles: 'Rollen',
  language: 'Taal',
  active: 'Actief',
  inactive: 'inactief',
  role: {
    admin: 'beheerder',
    secretariat: 'secretariaat',
    director: 'directeur-bestuurder',
    body_member: 'lid van een orgaan',
    school_contact: 'contactpersoon school',
    ect_member: 'ECT-lid',
  } satisfies Record<Role, string>,
  localeName: { nl: 'Nederlands', en: 'Engels' } satisfies Record<Locale, string>,
  bodyKey: 'Sleutel',
  decisionKind: {
    goedkeuring: 'goedkeuring',
    instemming: 'instemming',
    advies: 'advies',
  } satisfies Record<DecisionKind, string>,
  votingRule: 'Stemregel',
  chair: 'Voorzitter',
  members: 'Leden',
  noMembers: 'Nog geen leden.',
  onBehalfOf: (board: string) => `namens ${board}`,
  editBody: 'Orgaan wijzigen',
  bodySaved: (name: string) => `De wijzigingen aan ‘${name}’ zijn opgeslagen.`,
  memberAdded: (name: string) => `${name} is toegevoegd als lid.`,
  memberRemoved: 'Het lid is verwijderd.',
  weighting: 'Stemgewicht',
  weightingOption: {
    one_member_one_vote: 'Eén lid, één stem',
    pupil_count: 'Gewogen naar het leerlingaantal van het vertegenwoordigde bestuur',
  },
  quorumBasis: 'Quorum',
  quorumOption: {
    none: 'Geen quorum',
    members: 'Een deel van de leden moet stemmen',
    weight: 'Een deel van het stemgewicht moet stemmen',
  },
  quorumNumerator: 'Quorum: teller',
  quorumDenominator: 'Quorum: noemer',
  quorumFractionHint:
    'Het quorum als breuk, zoals 1 en 2 voor de helft. Alleen nodig als er een quorum is.',
  majorityBasis: 'Meerderheid van',
  majorityOption: { votes_cast: 'De uitgebrachte stemmen', all_members: 'Alle leden' },
  majorityStrict: 'Drempel',
  strictOption: {
    true: 'Meer dan de breuk (bij 1/2: gewone meerderheid)',
    false: 'Ten minste de breuk (bij 1/1: unanimiteit)',
  },
  majorityNumerator: 'Meerderheid: teller',
  majorityDenominator: 'Meerderheid: noemer',
  majorityFractionHint:
    'De meerderheid als breuk, zoals 1 en 2 voor de helft of 2 en 3 voor twee derde.',
  abstentions: 'Onthoudingen',
  abstentionsOption: {
    excluded: 'Tellen niet mee',
    count_against: 'Tellen mee als uitgebrachte stem (werken als tegenstem)',
  },
  addMember: 'Lid toevoegen',
  memberPerson: 'Persoon',
  choosePerson: 'Kies een persoon',
  memberBoard: 'Namens bestuur',
  memberBoardHint: 'Verplicht: dit orgaan weegt stemmen naar het leerlingaantal van het bestuur.',
  removeMember: 'Verwijderen',
  removeMemberLabel: (name: string) => `${name} verwijderen als lid`,
  confirmRemoveMember: (name: string) => `${name} verwijderen als lid van dit orgaan?`,

  calendarTitle: 'Agenda',
  calendarIntro:
    'Met een agenda-abonnement ziet u de deadlines van uw openstaande taken in uw eigen agenda, zoals Outlook, Google Agenda of Apple Agenda. De link is persoonlijk: deel hem niet.',
  feedNone: 'U heeft nog geen agenda-link.',
  feedActive: (since: string) =>
    `U heeft een agenda-link sinds ${since}. Uit veiligheid tonen wij de link alleen direct na het aanmaken. Kwijt? Maak een nieuwe link aan; de oude werkt dan niet meer.`,
  feedCreate: 'Agenda-link aanmaken',
  feedRegenerate: 'Nieuwe agenda-link aanmaken',
  feedRevoke: 'Agenda-link intrekken',
  feedCreatedTitle: 'Uw agenda-link',
  feedCreatedNote:
    'Kopieer de link nu en voeg hem in uw agenda toe als abonnement (via URL). Wij tonen hem maar één keer.',
  feedUrlLabel: 'Agenda-link',
  feedCopy: 'Kopieer de link',
  feedCopied: 'De link is gekopieerd.',
  feedRevoked:
    'De agenda-link is ingetrokken. Agenda’s die hem gebruikten, krijgen geen deadlines meer.',
  confirmRegenerate: 'De huidige agenda-link werkt daarna niet meer. Doorgaan?',
  confirmRevoke: 'Agenda’s die deze link gebruiken, krijgen daarna geen deadlines meer. Intrekken?',

  navCycles: 'Cycli',
  navSchools: 'Mijn scholen',
  cyclesTitle: 'Cycli',
  cyclesIntro:
    'De jaarlijkse besluitvorming van het samenwerkingsverband. Open een cyclus om de stemming en de planning te volgen.',
  budgetCycles: 'Begrotingscycli',
  runningCycles: 'Lopende cycli',
  finishedCycles: 'Afgeronde cycli',
  noCycles: 'Er is nog geen begrotingscyclus.',
  noCyclesSecretariat: 'Start de begrotingscyclus met de knop ‘Nieuwe begrotingscyclus’.',
  noCyclesOthers: 'Het secretariaat start de begrotingscyclus.',
  noFinishedCycles: 'Nog geen afgeronde cycli.',
  newBudgetCycle: 'Nieuwe begrotingscyclus',
  budgetYear: 'Begrotingsjaar',
  cycleTitle: 'Titel',
  lastUpdated: 'Laatst bijgewerkt',
  phase: 'Fase',
  phaseName: {
    voting: 'Stemming loopt',
    rejected_awaiting_revision: 'Afgewezen: wacht op een herziene versie',
    dispute: 'Geschil: instemming onthouden',
    awaiting_adoption: 'Wacht op vaststelling door de directeur-bestuurder',
    awaiting_letters: 'Vastgesteld: toekenningsbrieven gepland',
    letters_sent: 'Afgerond: toekenningsbrieven verstuurd',
  } satisfies Record<BudgetPhase, string>,
  phaseUnknown: 'Onbekend',

  newCycleIntro:
    'Vul de gegevens in en bekijk eerst het voorbeeld. Daarin staan alle herinneringen, de deadline, het moment van escalatie en de datum van de toekenningsbrieven. De cyclus start pas als u dat bevestigt.',
  sectionProposal: 'Voorstel',
  sectionFigures: 'Bedragen voor de toekenning',
  sectionDates: 'Planning',
  budgetYearHint:
    'Het kalenderjaar waarvoor de begroting geldt. ALV, RvT en OPR besluiten in december van het jaar ervoor.',
  titleOptional: 'Titel (niet verplicht)',
  titleHint: 'Leeg laten: ‘Begroting’ met het begrotingsjaar.',
  proposalUrl: 'Link naar het voorstel',
  proposalUrlHint:
    'Of een webadres dat begint met https://, bijvoorbeeld een document op het intranet. Alleen als u geen bestand kiest.',
  proposalFile: 'Bestand met het voorstel',
  proposalFileHint: (max: string) =>
    `PDF, Word, Excel of OpenDocument, hoogstens ${max}. Geef een bestand óf een link, niet allebei.`,
  proposalFileReplaceHint: (max: string) =>
    `Kies alleen een bestand als u het geüploade bestand wilt vervangen. PDF, Word, Excel of OpenDocument, hoogstens ${max}.`,
  uploadedFile: 'Geüpload bestand',
  removeUploadedFile: 'Dit bestand niet gebruiken',
  proposalSourceMissing: 'Kies een bestand met het voorstel of vul de link naar het voorstel in.',
  proposalSourceBoth:
    'Geef een bestand óf een link, niet allebei. Maak de link leeg of kies ‘Dit bestand niet gebruiken’.',
  versionLabel: 'Versie',
  versionLabelHint: 'Zoals de leden de versie herkennen, bijvoorbeeld ‘Concept v1’.',
  amountPerPupil: 'Bedrag per leerling (€)',
  amountPerPupilHint: 'Het variabele bedrag per leerling in euro’s, bijvoorbeeld 185,00.',
  equity: 'Eigen vermogen (€)',
  equityHint: 'Het huidige eigen vermogen in euro’s. Mag negatief zijn, bijvoorbeeld -12.500,00.',
  turnover: 'Totale baten (€)',
  turnoverHint: 'De bruto-omzet in euro’s: de basis van de reservenorm van 2%.',
  amountRequired: 'Vul een bedrag in euro’s in, zoals 1.234,56.',
  voteDeadline: 'Deadline van de stemming',
  voteDeadlineHint:
    'Datum en tijd (Nederlandse tijd), zoals 11-12-2026 17:00. Standaard: de laatste werkdag tot en met 12 december, 17:00.',
  lettersDate: 'Verzending toekenningsbrieven',
  lettersDateHint:
    'Datum en tijd (Nederlandse tijd). Standaard: de eerste werkdag vanaf 15 december, 09:00.',
  reminderOffsets: 'Herinneringen (werkdagen voor de deadline)',
  reminderOffsetsHint:
    'Aantallen werkdagen, gescheiden door komma’s, zoals 7, 2. Leeg laten: de instelling van uw samenwerkingsverband.',
  previewButton: 'Voorbeeld',

  previewTitle: 'Voorbeeld van de begrotingscyclus',
  previewIntro:
    'Controleer de gegevens en de planning. De cyclus start pas als u op ‘Start de cyclus’ drukt; de leden krijgen dan een stemuitnodiging.',
  schedule: 'Planning',
  when: 'Wanneer',
  what: 'Wat',
  scheduleKind: {
    reminder: 'Herinnering',
    deadline: 'Deadline',
    escalation: 'Escalatie',
    letters: 'Toekenningsbrieven',
  } satisfies Record<ScheduleKind, string>,
  scheduleText: {
    reminder: 'Herinnering aan leden die nog niet hebben gestemd',
    deadline: 'Deadline van de stemming',
    escalation: 'Escalatie naar voorzitter en secretariaat als het quorum niet is gehaald',
    letters: 'Toekenningsbrieven naar scholen en schoolbesturen',
  } satisfies Record<ScheduleKind, string>,
  decidingBodies: 'Organen die besluiten',
  reminderDays: (days: number[]) =>
    days.length === 0
      ? 'geen'
      : `${days.join(' en ')} werkdag${days.length === 1 && days[0] === 1 ? '' : 'en'} voor de deadline`,
  startCycle: 'Start de cyclus',
  change: 'Wijzigen',
  startUnavailable: 'Starten lukt op dit moment niet. Probeer het over enkele minuten opnieuw.',
  cycleStarted: 'De begrotingscyclus is gestart. De leden krijgen een stemuitnodiging.',
  cycleExisted: 'Voor dit begrotingsjaar bestaat al een cyclus. U ziet hem hieronder.',

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
  } satisfies Record<BodyRoundStatus, string>,
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
    vote_cast: (a) =>
      `${a.actor ?? 'Een lid'} (${a.body ?? ''}) stemde ${a.value ?? ''}${a.weight ? `, gewicht ${a.weight}` : ''}`,
    vote_changed: (a) =>
      `${a.actor ?? 'Een lid'} (${a.body ?? ''}) wijzigde de stem in ${a.value ?? ''}`,
    reminder_requested: (a) =>
      `Herinnering aangevraagd voor ${a.body ?? ''}${a.actor ? ` door ${a.actor}` : ''}`,
    reminder_sent: (a) => `Herinnering verstuurd aan ${a.count ?? 0} leden van ${a.body ?? ''}`,
    deadline_missed: (a) => `Deadline van ${a.body ?? ''} verstreken zonder quorum`,
    escalation_sent: (a) => `Escalatie verstuurd aan voorzitter en secretariaat (${a.body ?? ''})`,
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
  } satisfies TimelineTexts,
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

  notFoundTitle: 'Niet gevonden',
  notFoundBody: 'Deze pagina bestaat niet, of u heeft er geen toegang toe.',
  forbiddenTitle: 'Geen toegang',
  forbiddenBody: 'U heeft geen toegang tot deze pagina.',
  errorTitle: 'Er ging iets mis',
  errorBody:
    'Er ging aan onze kant iets mis. Probeer het later opnieuw. Blijft het misgaan? Neem dan contact op met het secretariaat van uw samenwerkingsverband.',
  badRequestTitle: 'Dit verzoek kon niet worden verwerkt',
  badRequestBody: 'Controleer wat u invulde of koos, en probeer het opnieuw.',
  tooLargeTitle: 'Dit bestand is te groot',
  tooLargeBody: (maxMb: number) =>
    `Een voorstel mag hoogstens ${maxMb} MB zijn. Ga terug en kies een kleiner bestand, of vul een link naar het voorstel in. Wat u verder invulde, moet u opnieuw invullen.`,
  csrfTitle: 'Formulier verlopen',
  csrfBody:
    'Het formulier kon niet worden verwerkt, omdat het verlopen is. Ga terug, vernieuw de pagina en probeer het opnieuw.',
  toHome: 'Naar de startpagina',
  /** The 1 February accountability: the school's form and the secretariat's overview. */
  acc: {
    title: (year: number) => `Verantwoording ${year}`,
    overviewTitle: (year: number) => `Verantwoording ${year}: overzicht`,
    schoolTitle: (year: number, school: string) => `Verantwoording ${year}: ${school}`,
    status: {
      not_started: 'Niet gestart',
      draft: 'Concept',
      submitted: 'Ingediend',
      returned: 'Teruggestuurd met opmerkingen',
      accepted: 'Geaccepteerd',
      late: 'Te laat',
      waived: 'Vrijgesteld',
    } as Record<string, string>,
    statusLabel: 'Status',
    deadline: 'Deadline',
    daysLate: 'Dagen te laat',
    daysLateText: (n: number) => (n === 1 ? '1 dag te laat' : `${n} dagen te laat`),
    onTime: 'Op tijd',
    version: 'Versie',
    formatVersion: (v: number) => `Format versie ${v}`,
    income: 'Ontvangsten',
    incomeIntro: 'Bedragen in euro’s, met een komma voor de centen, zoals 58.000,00.',
    expenses: 'Uitgaven',
    expensesIntro: 'Per regel het aantal fte (zoals 0,8) en het bedrag in euro’s.',
    appendix: 'Bijlage: welke extra ondersteuning',
    appendixIntro:
      'Per regel: wat de school aan extra ondersteuning biedt, hoeveel fte en voor welke doelgroep.',
    optional: '(niet verplicht)',
    amount: 'Bedrag (€)',
    fte: 'Fte',
    description: 'Omschrijving',
    targetGroup: 'Doelgroep',
    row: (n: number) => `Regel ${n}`,
    addRow: 'Regel toevoegen',
    saveDraft: 'Concept opslaan',
    submit: 'Indienen',
    saved: 'Het concept is opgeslagen.',
    submitted: 'De verantwoording is ingediend. Het secretariaat beoordeelt haar.',
    rowAdded: 'Er is een regel toegevoegd. Vergeet niet op te slaan.',
    returnedTitle: 'Teruggestuurd met opmerkingen',
    returnedIntro: 'Het secretariaat vraagt u het volgende te verbeteren en opnieuw in te dienen:',
    returnedIntroOthers:
      'Het secretariaat heeft de school gevraagd het volgende te verbeteren en opnieuw in te dienen:',
    waitingForReview: 'Uw verantwoording wacht op beoordeling door het secretariaat.',
    finalText: 'Deze verantwoording is afgerond en kan niet meer worden gewijzigd.',
    draftSavedAt: (when: string) => `Concept laatst opgeslagen op ${when}.`,
    versions: 'Versies',
    noVersions: 'Er is nog geen versie ingediend.',
    submittedAt: 'Ingediend op',
    comments: 'Opmerkingen',
    totals: 'Totalen',
    totalIncome: 'Totaal ontvangsten',
    totalExpenses: 'Totaal uitgaven',
    extraSupportFte: 'Fte extra ondersteuning',
    appendixFte: 'Fte in de bijlage',
    deduction: 'Korting',
    deductionText: (amount: string, year: number) => `${amount} op de toekenning van ${year}`,
    deductionsTotal: 'Kortingen',
    noDeductions:
      'Nog geen: een korting ontstaat bij het accepteren van een verantwoording met onderbesteding.',
    deductionsText: (amount: string, schools: number) =>
      `${amount} in totaal, bij ${schools === 1 ? '1 school' : `${schools} scholen`}`,
    noSchool: 'U bent niet gekoppeld aan een school in deze verantwoording.',
    noCycle: (year: number) => `Er is geen verantwoording ${year}.`,
    school: 'School',
    board: 'Bestuur',
    schoolsTable: 'Scholen en hun verantwoording',
    downloadCsv: 'Download het overzicht (CSV voor Excel)',
    counts: 'Aantallen',
    open: 'Bekijken',
    openSchool: (school: string) => `Verantwoording van ${school} bekijken`,
    review: 'Beoordelen',
    reviewIntro: 'Accepteer de ingediende versie, of stuur haar terug met opmerkingen.',
    accept: 'Accepteren',
    returnWithComments: 'Terugsturen met opmerkingen',
    commentsLabel: 'Opmerkingen voor de school',
    commentsHint: 'Nodig bij terugsturen: wat moet de school verbeteren?',
    reviewed: {
      accept: 'De verantwoording is geaccepteerd.',
      return: 'De verantwoording is teruggestuurd.',
    },
    nothingToReview: 'Er is geen ingediende versie om te beoordelen.',
    currentVersion: (v: number) => `Ingediende versie ${v}`,
    backToOverview: 'Terug naar het overzicht',
    unreachable:
      'De verantwoording is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.',
    line: 'Regel',
    linkFromCycles: (year: number) => `Verantwoording ${year}`,
    cyclesSection: 'Verantwoordingscycli',
    accountingYear: 'Verantwoordingsjaar',
    noCycles: 'Er is nog geen verantwoordingscyclus.',
    phaseName: {
      fanning_out: 'Scholen worden uitgenodigd',
      running: 'Loopt',
    } satisfies Record<AccountabilityCyclePhase, string>,
    waive: 'Vrijstellen',
    waiveIntro:
      'Stel de school vrij van de verantwoording van dit jaar, bijvoorbeeld na een fusie of sluiting. Dit kan niet ongedaan worden gemaakt.',
    waiveReason: 'Reden van de vrijstelling',
    waivedBy: 'Vrijgesteld',
    waivedByPerson: (who: string) => `door ${who}`,
    waiveReasonHint: 'Verplicht. De reden komt in het overzicht en in de export.',
    waiveReasonRequired: 'Vul de reden van de vrijstelling in.',
    waived: 'De school is vrijgesteld van de verantwoording.',
    extend: 'Deadline verlengen',
    extendIntro: 'Geef de school meer tijd. De nieuwe deadline moet later zijn dan de huidige.',
    newDeadline: 'Nieuwe deadline',
    newDeadlineHint: 'Datum en tijd in Nederlandse tijd.',
    newDeadlineRequired: 'Vul een nieuwe deadline in, met datum en tijd.',
    extended: 'De deadline is verlengd.',
    newCycle: 'Verantwoording starten',
    newCycleIntro:
      'Elke gekozen school krijgt een taak en, op de eerstvolgende werkdag tussen 8 en 18 uur, een uitnodiging per e-mail. Scholen die niet op tijd inleveren, krijgen herinneringen.',
    accountingYearHint: 'Het kalenderjaar waarover de scholen verantwoorden, zoals 2026.',
    titleHint: 'Leeg laten: ‘Verantwoording’ met het jaar.',
    deadlineLabel: 'Uiterste inleverdatum',
    deadlineHint:
      'Datum en tijd (Nederlandse tijd), zoals 01-02-2027 23:59. Leeg laten: 1 februari van het jaar erna, tot middernacht.',
    reminderOffsetsHint: (current: string) =>
      `Aantallen werkdagen, gescheiden door komma’s. Leeg laten: ${current}.`,
    reminderOffsetsSetting: (days: string) => `de instelling van uw samenwerkingsverband (${days})`,
    reminderOffsetsDefault: (days: string) => `de standaard (${days})`,
    schools: 'Scholen',
    schoolsHint:
      'Alle reguliere scholen staan aangevinkt. Vink een school uit die dit jaar niet hoeft te verantwoorden.',
    schoolsRequired: 'Kies minstens één school.',
    tickAll: 'Alles aanvinken',
    filterTitle: 'Scholen zoeken',
    filterStatus: 'Status',
    filterBoard: 'Bestuur',
    filterName: 'Schoolnaam bevat',
    filterAll: 'Alle',
    filterButton: 'Zoeken',
    filterClear: 'Alle scholen tonen',
    filterShown: (shown: number, total: number) =>
      shown === total
        ? `${total} ${total === 1 ? 'school' : 'scholen'}`
        : `${shown} van ${total} scholen`,
    filterNone: 'Geen school voldoet aan deze zoekopdracht.',
    tickNone: 'Niets aanvinken',
    noRegularSchools:
      'Uw samenwerkingsverband heeft nog geen reguliere scholen. Voeg ze eerst toe bij Beheer.',
    startButton: 'Verantwoording starten',
    /** `inviteAt`: when the invitations go out, null when that is now (within office hours). */
    started: (inviteAt: string | null) =>
      inviteAt === null
        ? 'De verantwoording is gestart. De scholen krijgen nu een taak en een uitnodiging per e-mail.'
        : `De verantwoording is gestart. De scholen krijgen hun taak en uitnodiging per e-mail op ${inviteAt}, het eerste moment binnen kantoortijd.`,
    existed: 'Voor dit jaar loopt al een verantwoording. U ziet hem hieronder.',
  },
  fmt: {
    title: 'Verantwoordingsformat',
    versionTitle: (v: number) => `Verantwoordingsformat, versie ${v}`,
    intro:
      'Het format waarin elke school verantwoordt wat zij met de middelen van het samenwerkingsverband heeft gedaan: ontvangsten in euro’s, uitgaven in fte en euro’s, en een bijlage met de extra ondersteuning. Elke wijziging wordt een nieuwe versie; een verantwoording houdt de versie waarmee zij startte.',
    current: (v: number) => `Huidige versie: ${v}.`,
    publishedOn: (when: string, who: string | null) =>
      who ? `Gepubliceerd op ${when} door ${who}.` : `Gepubliceerd op ${when}.`,
    isDefault:
      'Dit is het standaardformat (naar het ondersteuningsplan); uw samenwerkingsverband heeft het nog niet aangepast.',
    versions: 'Versies',
    version: 'Versie',
    versionN: (v: number) => `Versie ${v}`,
    publishedAt: 'Gepubliceerd',
    by: 'Door',
    usedBy: 'Gebruikt door',
    notUsed: 'Nog geen verantwoording',
    standard: 'Standaardformat',
    editTitle: 'Nieuwe versie publiceren',
    editIntro:
      'Pas de regels aan en publiceer ze als nieuwe versie. Lopende verantwoordingen veranderen niet; een verantwoording die u hierna start, gebruikt de nieuwe versie.',
    income: 'Ontvangsten',
    incomeIntro:
      'De regels waarop scholen bedragen in euro’s invullen. De regel met sleutel swv_variabel_bedrag telt mee als ontvangen middelen bij de berekening van de onderbesteding.',
    expenses: 'Uitgaven',
    expensesIntro: 'De regels waarop scholen fte en euro’s invullen, gegroepeerd per categorie.',
    appendix: 'Bijlage',
    appendixIntro:
      'In de bijlage beschrijft de school welke extra ondersteuning zij geeft, met het aantal fte. Kies hoe die fte moet kloppen met de uitgaven.',
    row: (n: number) => `Regel ${n}`,
    label: 'Omschrijving',
    key: 'Sleutel',
    keyHint:
      'De sleutel van een regel bestaat uit kleine letters, cijfers en _. Laat hem bij een nieuwe regel leeg: hij wordt dan gemaakt uit de omschrijving. Wijzig de sleutel van een bestaande regel liever niet: de export en de vergelijking tussen jaren gebruiken hem.',
    category: 'Categorie',
    categoryHint:
      'Een categorie bestaat uit kleine letters, cijfers en _, zoals extra_ondersteuning of materieel.',
    required: 'Verplicht voor elke school',
    remove: 'Regel verwijderen',
    addIncome: 'Ontvangstregel toevoegen',
    addExpense: 'Uitgavenregel toevoegen',
    lineAdded: 'Er is een lege regel toegevoegd. Publiceer om de wijzigingen te bewaren.',
    lineMoved: 'De regel is verplaatst. Publiceer om de wijzigingen te bewaren.',
    moveUp: 'Omhoog',
    moveDown: 'Omlaag',
    fteRule: 'Fte in de bijlage',
    fteRuleOption: {
      none: 'Niet controleren',
      equal_to_extra_support_fte: 'Gelijk aan de fte van de categorie extra ondersteuning',
      at_most_extra_support_fte: 'Hoogstens de fte van de categorie extra ondersteuning',
    } as Record<string, string>,
    extraSupportCategory: 'Categorie extra ondersteuning',
    extraSupportCategoryHint: (categories: string) =>
      `De categorie van de uitgavenregels waarmee de fte in de bijlage wordt vergeleken. In dit format: ${categories}.`,
    publish: (v: number) => `Publiceren als versie ${v}`,
    published: (v: number) =>
      `Versie ${v} is gepubliceerd. Een verantwoording die u vanaf nu start, gebruikt deze versie.`,
    unchanged: (v: number) =>
      `Er is niets gewijzigd ten opzichte van versie ${v}. Pas eerst een regel aan.`,
    conflict: (v: number) =>
      `Intussen is versie ${v} gepubliceerd, waarschijnlijk door een collega. Uw wijzigingen staan hieronder, maar zijn nog niet gepubliceerd. Bekijk versie ${v} in de lijst en publiceer daarna opnieuw als u uw versie wilt.`,
    yes: 'Ja',
    no: 'Nee',
    view: (v: number) => `Versie ${v} bekijken`,
    back: 'Terug naar het format',
    startNote: (v: number) => `De scholen vullen versie ${v} van het verantwoordingsformat in.`,
    startNoteLink: 'Format bekijken of wijzigen',
    noVariableLine:
      'Let op: dit format heeft geen ontvangstregel met de sleutel swv_variabel_bedrag. Bij het accepteren van een verantwoording telt dan alleen het vaste bedrag van de school als ontvangen, en valt de onderbesteding lager uit.',
    link: 'Verantwoordingsformat',
  },
  ect: {
    title: 'Mijn scholen',
    intro:
      'De verantwoordingen van de scholen waarvoor u ECT-lid bent of die onder uw bestuur vallen, per jaar: voor de evaluatie in oktober en november, en om te zien welke school nog moet inleveren. U kunt ze lezen, niet wijzigen.',
    none: 'Er is nog geen verantwoording van een school waarvoor u ECT-lid bent of die onder uw bestuur valt.',
    schoolsOf: (title: string) => `Scholen in ${title}`,
    back: 'Terug naar mijn scholen',
  },
  del: {
    link: {
      boards: 'Dit schoolbestuur verwijderen',
      schools: 'Deze school verwijderen',
      persons: 'Deze persoon verwijderen',
      bodies: 'Dit orgaan verwijderen',
    },
    title: (name: string) => `${name} verwijderen`,
    intro: {
      boards:
        'Het schoolbestuur verdwijnt uit de lijsten. Dit kan niet ongedaan worden gemaakt. Een bestuur met scholen of personen kan pas worden verwijderd als die bij een ander bestuur staan of zelf zijn verwijderd.',
      schools:
        'De school verdwijnt uit de lijsten. Dit kan niet ongedaan worden gemaakt. Een school die al een verantwoording heeft of waaraan personen gekoppeld zijn, kan niet worden verwijderd.',
      persons:
        'De persoon kan niet meer inloggen en verdwijnt uit de lijsten. Dit kan niet ongedaan worden gemaakt. Iemand die taken heeft gehad, lid is van een orgaan of in de geschiedenis van een cyclus voorkomt, kan niet worden verwijderd.',
      bodies:
        'Het orgaan en zijn leden verdwijnen uit de lijsten. Dit kan niet ongedaan worden gemaakt. Lopende cycli stemmen door met de leden die ze bij hun start vastlegden.',
    },
    confirm: 'Ja, definitief verwijderen',
    refusedTitle: 'Dit kan niet worden verwijderd',
    personInstead:
      'Zet de persoon in plaats daarvan op inactief (vink ‘Actief’ uit op de vorige pagina): dan kan hij of zij niet meer inloggen en krijgt geen taken of e-mails meer, en blijft de geschiedenis compleet.',
    deleted: {
      boards: 'Het schoolbestuur is verwijderd.',
      schools: 'De school is verwijderd.',
      persons: 'De persoon is verwijderd.',
      bodies: 'Het orgaan is verwijderd.',
    },
  },
};

export type Messages = typeof nl;

const en: Messages = {
  appName: 'Jaarcyclus',
  skipLink: 'Skip to content',
  mainNav: 'Main menu',
  navTasks: 'My tasks',
  navCalendar: 'Calendar',
  navAdmin: 'Administration',
  signOut: 'Sign out',
  signedInAs: (name) => `Signed in as ${name}`,
  switchTo: { locale: 'nl', label: 'Nederlands', hint: 'Overschakelen naar Nederlands' },
  errorSummary: 'There is a problem',
  errorTitlePrefix: 'Error: ',
  busy: 'Working…',
  none: 'None',
  yes: 'Yes',
  no: 'No',
  save: 'Save',
  settingsTitle: 'Settings of the SWV',
  settingsIntro:
    'These settings apply to cycles started from now on; a running cycle keeps what it got at its start. Leave a field empty for the default.',
  budgetReminderDays: 'Reminders for budget votes (working days before the deadline)',
  accountabilityReminderDays: 'Reminders for the accountability (working days before the deadline)',
  reminderDaysHint: (defaults: string) =>
    `Numbers of working days, separated by commas. Leave empty: the default (${defaults}).`,
  oprDisputeRounds: 'Dispute with the OPR after this many rounds without consent',
  oprDisputeRoundsHint: (defaults: number) =>
    `The dispute then goes to the Commissie voor Geschillen. Leave empty: the default (${defaults}).`,
  settingsSaved: 'The settings have been saved.',
  cancel: 'Cancel',

  loginTitle: 'Sign in',
  loginIntro:
    'Enter your email address. You will receive an email with a link to sign in; no password is needed.',
  emailLabel: 'Email address',
  emailHint: 'The address your cooperation knows you by.',
  loginSubmit: 'Send me a sign-in link',
  sessionExpired: 'Your session has expired. Please sign in again.',
  signInFirst: 'Please sign in to continue.',
  signedOut: 'You have signed out.',
  checkEmailTitle: 'Check your email',
  checkEmailBody: (minutes) =>
    `If this email address belongs to an account, we have sent a sign-in link. The link works once and is valid for ${minutes} minutes.`,
  checkEmailSpam: 'No email? Please check your junk mail too.',
  checkEmailLimit: (links: number, minutes: number) =>
    `To prevent misuse we send one person at most ${links} links per ${minutes} minutes. If needed, use the latest link you received: it stays valid.`,
  checkEmailAgain: 'Request a new sign-in link',

  tasksTitle: 'My tasks',
  openTasks: 'Open tasks',
  doneTasks: 'Completed tasks',
  noOpenTasks: 'You have no open tasks.',
  noOpenTasksHint: 'When something is asked of you, you will see it here and receive an email.',
  noDoneTasks: 'No completed tasks yet.',
  deadline: 'Deadline',
  noDeadline: 'No deadline',
  daysLeft: (days) =>
    days < -1
      ? `${-days} days overdue`
      : days === -1
        ? '1 day overdue'
        : days === 0
          ? 'today'
          : days === 1
            ? 'tomorrow'
            : `${days} days left`,
  completedOn: (date) => `on ${date}`,
  taskKind: { vote: 'Vote', adopt: 'Adopt', submit: 'Submit', review: 'Review' },
  taskStatus: { open: 'Open', done: 'Completed', cancelled: 'Cancelled' },
  status: 'Status',
  kind: 'Type',
  backToTasks: 'Back to my tasks',
  addToCalendar: 'Add the deadline to my calendar (.ics)',
  taskLaterHere: 'You will soon be able to complete this task on this page.',
  taskClosed: 'This task is no longer open.',

  proposal: 'Proposal',
  subject: 'Subject',
  body: 'Body',
  decisionKindLabel: 'Kind of decision',
  round: 'Voting round',
  version: 'Version',
  yourWeight: 'Your vote weight',
  openProposal: 'Open the proposal',
  downloadProposal: 'Download the proposal',
  tallyTitle: 'Current tally',
  tallyOwnBodyOnly: 'Only the totals of your body. How individual members voted is not shown here.',
  tallyEarlierRound: (round) =>
    `This is the final tally of round ${round}. A new round has opened since.`,
  tallyUnavailable:
    'The current tally is not available at the moment. Please try again in a few minutes.',
  voteLegend: 'Your vote',
  voteValue: { for: 'For', against: 'Against', abstain: 'Abstain' },
  commentLabel: 'Comment (optional)',
  commentHint: 'At most 2000 characters. The comment is recorded with your vote.',
  voteNext: 'Continue to review',
  confirmTitle: 'Check your vote',
  confirmIntro: 'Check your vote, then send it.',
  confirmSend: 'Send vote',
  confirmEdit: 'Change',
  noComment: 'No comment',
  voteChoose: 'Choose for, against or abstain.',
  commentTooLong: 'Use at most 2000 characters.',
  voteReceived: 'Your vote has been received.',
  votingUnreachable: 'Voting is not possible at the moment. Please try again in a few minutes.',

  adminTitle: 'Administration',
  adminSections: 'Sections',
  readOnlyNote: 'You can view this information. Only an administrator can change it.',
  boards: 'School boards',
  schools: 'Schools',
  people: 'People',
  bodies: 'Bodies',
  name: 'Name',
  pupilCount: 'Number of pupils',
  pupilCountHint: "The number of pupils is the board's vote weight in the general assembly (ALV).",
  bestuurder: 'Executive (bestuurder)',
  addBoard: 'Add school board',
  editBoard: 'Edit school board',
  boardAdded: (name) => `School board ‘${name}’ has been added.`,
  boardSaved: (name) => `The changes to ‘${name}’ have been saved.`,
  addSchool: 'Add school',
  editSchool: 'Edit school',
  schoolAdded: (name) => `School ‘${name}’ has been added.`,
  schoolSaved: (name) => `The changes to ‘${name}’ have been saved.`,
  school: 'School',
  chooseBoard: 'Choose a board',
  brinHint: 'Optional. Two digits and two letters, optionally a location number, such as 20AB.',
  locationsHint: 'The number of locations of the school, 1 or more.',
  fixedAmountHint:
    'The fixed yearly amount in euros, with a comma for the cents, such as 45.000,00. Regular schools only.',
  ectMemberHint: 'A person with the role ECT member.',
  addPerson: 'Add person',
  editPerson: 'Edit person',
  personAdded: (name) => `${name} has been added.`,
  personSaved: (name) => `The changes to ${name} have been saved.`,
  rolesHint: 'Choose every role this person has.',
  schoolOfPerson: 'School (for a school contact)',
  boardOfPerson: 'Board (that this person works for or represents)',
  activeHint: 'An inactive person cannot sign in and receives no tasks.',
  totalPupils: 'Total',
  board: 'Board',
  schoolKind: { regular: 'Regular', special: 'Special (vso)' },
  locations: 'Locations',
  fixedAmount: 'Fixed amount',
  ectMember: 'ECT member',
  brin: 'BRIN',
  email: 'Email address',
  roles: 'Roles',
  language: 'Language',
  active: 'Active',
  inactive: 'inactive',
  role: {
    admin: 'administrator',
    secretariat: 'secretariat',
    director: 'director (directeur-bestuurder)',
    body_member: 'member of a body',
    school_contact: 'school contact',
    ect_member: 'ECT member',
  },
  localeName: { nl: 'Dutch', en: 'English' },
  bodyKey: 'Key',
  decisionKind: { goedkeuring: 'approval', instemming: 'consent', advies: 'advice' },
  votingRule: 'Voting rule',
  chair: 'Chair',
  members: 'Members',
  noMembers: 'No members yet.',
  onBehalfOf: (board) => `on behalf of ${board}`,
  editBody: 'Edit body',
  bodySaved: (name) => `The changes to ‘${name}’ have been saved.`,
  memberAdded: (name) => `${name} has been added as a member.`,
  memberRemoved: 'The member has been removed.',
  weighting: 'Vote weight',
  weightingOption: {
    one_member_one_vote: 'One member, one vote',
    pupil_count: 'Weighted by the pupil count of the represented board',
  },
  quorumBasis: 'Quorum',
  quorumOption: {
    none: 'No quorum',
    members: 'A share of the members must vote',
    weight: 'A share of the vote weight must vote',
  },
  quorumNumerator: 'Quorum: numerator',
  quorumDenominator: 'Quorum: denominator',
  quorumFractionHint: 'The quorum as a fraction, e.g. 1 and 2 for half. Only needed with a quorum.',
  majorityBasis: 'Majority of',
  majorityOption: { votes_cast: 'The votes cast', all_members: 'All members' },
  majorityStrict: 'Threshold',
  strictOption: {
    true: 'More than the fraction (at 1/2: simple majority)',
    false: 'At least the fraction (at 1/1: unanimity)',
  },
  majorityNumerator: 'Majority: numerator',
  majorityDenominator: 'Majority: denominator',
  majorityFractionHint:
    'The majority as a fraction, e.g. 1 and 2 for half or 2 and 3 for two thirds.',
  abstentions: 'Abstentions',
  abstentionsOption: {
    excluded: 'Do not count',
    count_against: 'Count as votes cast (act as votes against)',
  },
  addMember: 'Add member',
  memberPerson: 'Person',
  choosePerson: 'Choose a person',
  memberBoard: 'On behalf of board',
  memberBoardHint: "Required: this body weighs votes by the board's pupil count.",
  removeMember: 'Remove',
  removeMemberLabel: (name) => `Remove ${name} as a member`,
  confirmRemoveMember: (name) => `Remove ${name} as a member of this body?`,

  calendarTitle: 'Calendar',
  calendarIntro:
    'With a calendar subscription you see the deadlines of your open tasks in your own calendar, such as Outlook, Google Calendar or Apple Calendar. The link is personal: do not share it.',
  feedNone: 'You do not have a calendar link yet.',
  feedActive: (since) =>
    `You have had a calendar link since ${since}. For your security we show the link only right after creating it. Lost it? Create a new link; the old one then stops working.`,
  feedCreate: 'Create calendar link',
  feedRegenerate: 'Create a new calendar link',
  feedRevoke: 'Revoke calendar link',
  feedCreatedTitle: 'Your calendar link',
  feedCreatedNote:
    'Copy the link now and add it to your calendar as a subscription (from URL). We show it only once.',
  feedUrlLabel: 'Calendar link',
  feedCopy: 'Copy the link',
  feedCopied: 'The link has been copied.',
  feedRevoked:
    'The calendar link has been revoked. Calendars that used it no longer receive deadlines.',
  confirmRegenerate: 'The current calendar link will stop working. Continue?',
  confirmRevoke: 'Calendars using this link will no longer receive deadlines. Revoke?',

  navCycles: 'Cycles',
  navSchools: 'My schools',
  cyclesTitle: 'Cycles',
  cyclesIntro:
    "The cooperation's yearly decision making. Open a cycle to follow the vote and the schedule.",
  budgetCycles: 'Budget cycles',
  runningCycles: 'Running cycles',
  finishedCycles: 'Finished cycles',
  noCycles: 'There is no budget cycle yet.',
  noCyclesSecretariat: 'Start the budget cycle with the ‘New budget cycle’ button.',
  noCyclesOthers: 'The secretariat starts the budget cycle.',
  noFinishedCycles: 'No finished cycles yet.',
  newBudgetCycle: 'New budget cycle',
  budgetYear: 'Budget year',
  cycleTitle: 'Title',
  lastUpdated: 'Last updated',
  phase: 'Phase',
  phaseName: {
    voting: 'Voting',
    rejected_awaiting_revision: 'Rejected: waiting for a revised version',
    dispute: 'Dispute: consent withheld',
    awaiting_adoption: 'Waiting for adoption by the director',
    awaiting_letters: 'Adopted: allocation letters scheduled',
    letters_sent: 'Finished: allocation letters sent',
  },
  phaseUnknown: 'Unknown',

  newCycleIntro:
    'Fill in the details and look at the preview first. It lists every reminder, the deadline, the escalation moment and the date of the allocation letters. The cycle starts only when you confirm.',
  sectionProposal: 'Proposal',
  sectionFigures: 'Amounts for the allocation',
  sectionDates: 'Schedule',
  budgetYearHint:
    'The calendar year the budget is for. ALV, RvT and OPR decide in December of the year before.',
  titleOptional: 'Title (optional)',
  titleHint: 'Leave empty: ‘Begroting’ with the budget year.',
  proposalUrl: 'Link to the proposal',
  proposalUrlHint:
    'Or a web address starting with https://, for example a document on the intranet. Only when you do not choose a file.',
  proposalFile: 'File with the proposal',
  proposalFileHint: (max) =>
    `PDF, Word, Excel or OpenDocument, at most ${max}. Give a file or a link, not both.`,
  proposalFileReplaceHint: (max) =>
    `Only choose a file to replace the uploaded one. PDF, Word, Excel or OpenDocument, at most ${max}.`,
  uploadedFile: 'Uploaded file',
  removeUploadedFile: 'Do not use this file',
  proposalSourceMissing: 'Choose a file with the proposal or enter the link to the proposal.',
  proposalSourceBoth:
    'Give a file or a link, not both. Clear the link or choose ‘Do not use this file’.',
  versionLabel: 'Version',
  versionLabelHint: 'As members recognise the version, for example ‘Concept v1’.',
  amountPerPupil: 'Amount per pupil (€)',
  amountPerPupilHint: 'The variable amount per pupil in euros, for example 185,00.',
  equity: 'Equity (€)',
  equityHint: 'Current equity in euros. May be negative, for example -12.500,00.',
  turnover: 'Total income (€)',
  turnoverHint: 'Gross turnover in euros: the base of the 2% reserve target.',
  amountRequired: 'Enter an amount in euros, such as 1.234,56.',
  voteDeadline: 'Vote deadline',
  voteDeadlineHint:
    'Date and time (Dutch time), such as 11-12-2026 17:00. Default: the last working day up to 12 December, 17:00.',
  lettersDate: 'Allocation letters sent on',
  lettersDateHint:
    'Date and time (Dutch time). Default: the first working day from 15 December, 09:00.',
  reminderOffsets: 'Reminders (working days before the deadline)',
  reminderOffsetsHint:
    "Numbers of working days separated by commas, such as 7, 2. Leave empty: your cooperation's setting.",
  previewButton: 'Preview',

  previewTitle: 'Preview of the budget cycle',
  previewIntro:
    'Check the details and the schedule. The cycle starts only when you press ‘Start the cycle’; members then receive an invitation to vote.',
  schedule: 'Schedule',
  when: 'When',
  what: 'What',
  scheduleKind: {
    reminder: 'Reminder',
    deadline: 'Deadline',
    escalation: 'Escalation',
    letters: 'Allocation letters',
  },
  scheduleText: {
    reminder: 'Reminder to members who have not voted yet',
    deadline: 'Vote deadline',
    escalation: 'Escalation to chair and secretariat if the quorum was not reached',
    letters: 'Allocation letters to schools and school boards',
  },
  decidingBodies: 'Bodies that decide',
  reminderDays: (days) =>
    days.length === 0
      ? 'none'
      : `${days.join(' and ')} working day${days.length === 1 && days[0] === 1 ? '' : 's'} before the deadline`,
  startCycle: 'Start the cycle',
  change: 'Change',
  startUnavailable: 'The cycle cannot be started at the moment. Please try again in a few minutes.',
  cycleStarted: 'The budget cycle has started. Members receive an invitation to vote.',
  cycleExisted: 'A cycle for this budget year already exists. You see it below.',

  backToCycles: 'Back to the cycles',
  roundNumber: (n) => `Round ${n}`,
  currentRound: 'Voting round',
  bodiesTitle: 'Bodies',
  bodyStatus: 'State',
  bodyState: {
    opening: 'Voting is opening',
    open: 'Voting open',
    escalated: 'Deadline passed without quorum',
    approved: 'Decided',
    rejected: 'Decided',
    no_quorum: 'Closed without quorum',
    cancelled: 'Cancelled: another body rejected',
  },
  decided: {
    goedkeuring: { approved: 'approved', rejected: 'not approved' },
    instemming: { approved: 'consented', rejected: 'consent withheld' },
    advies: { approved: 'positive advice', rejected: 'negative advice' },
  },
  noQuorumResult: 'no quorum',
  tallyCaption: (body) => `Votes ${body}`,
  vote: 'Vote',
  weight: 'Weight',
  count: 'Number',
  share: 'Share',
  shareHint: 'Share: of the votes cast.',
  totalCast: 'Cast',
  quorum: 'Quorum',
  quorumWeight: (voted, total) => `${voted} of ${total} vote weight cast`,
  quorumMembers: (voted, total) =>
    `${voted} of ${total} members ${voted === '1' ? 'has' : 'have'} voted`,
  quorumNeeded: (needed) => `needed for the quorum: ${needed}`,
  quorumReached: 'Quorum reached',
  quorumNotReached: 'Quorum not reached yet',
  noQuorumRule: 'No quorum required',
  votingOpening: 'Members and their vote weights are being recorded. Reload the page in a moment.',
  notVoted: 'Not voted yet',
  voted: 'Voted',
  nobodyVoted: 'Nobody has voted yet.',
  everyoneVoted: 'Everyone has voted.',
  voteWithWeight: (value, weight) => `${value}, weight ${weight}`,
  weightOf: (weight) => `weight ${weight}`,
  closedBy: (name) => `closed by ${name}`,
  remindersSent: (n) => `${n} reminder${n === 1 ? '' : 's'} sent`,
  nextReminder: 'Next reminder',
  remindersTitle: 'Reminders',
  timelineTitle: 'History',
  timelineEmpty: 'No events yet.',
  timeline: {
    cycle_started: (a) => `Cycle started${a.actor ? ` by ${a.actor}` : ''}`,
    round_opened: (a) => `Voting round ${a.round ?? ''} opened`,
    ballots_sent: (a) => `Invitations to vote sent to ${a.body ?? ''} (${a.count ?? 0} members)`,
    vote_cast: (a) =>
      `${a.actor ?? 'A member'} (${a.body ?? ''}) voted ${a.value ?? ''}${a.weight ? `, weight ${a.weight}` : ''}`,
    vote_changed: (a) =>
      `${a.actor ?? 'A member'} (${a.body ?? ''}) changed the vote to ${a.value ?? ''}`,
    reminder_requested: (a) =>
      `Reminder requested for ${a.body ?? ''}${a.actor ? ` by ${a.actor}` : ''}`,
    reminder_sent: (a) => `Reminder sent to ${a.count ?? 0} members of ${a.body ?? ''}`,
    deadline_missed: (a) => `Deadline of ${a.body ?? ''} passed without quorum`,
    escalation_sent: (a) => `Escalation sent to chair and secretariat (${a.body ?? ''})`,
    deadline_extended: (a) =>
      `Deadline of ${a.body ?? ''} extended to ${a.when ?? ''}${a.actor ? ` by ${a.actor}` : ''}`,
    body_decided: (a) =>
      `${a.body ?? ''}: ${a.result ?? ''}${a.actor ? ` (closed by ${a.actor})` : ''}`,
    body_cancelled: (a) => `${a.body ?? ''}: voting cancelled because another body rejected`,
    round_approved: (a) => `Round ${a.round ?? ''}: every body approved or consented`,
    round_rejected: (a) => `Round ${a.round ?? ''} rejected`,
    dispute_recorded: (a) => `Dispute recorded: ${a.body ?? ''} withheld consent again`,
    revision_submitted: (a) =>
      `Revised version submitted${a.actor ? ` by ${a.actor}` : ''}; round ${a.round ?? ''} opened`,
    adoption_requested: () => 'Adoption requested from the director',
    budget_adopted: (a) => `Budget adopted${a.actor ? ` by ${a.actor}` : ''}`,
    letters_scheduled: (a) => `Allocation letters scheduled for ${a.when ?? ''}`,
    letters_sent: (a) => `Allocation letters sent (${a.count ?? 0})`,
    cycle_completed: () => 'Cycle finished',
  },
  adoptedOn: (date, name) => `Adopted on ${date} by ${name}`,
  lettersPlanned: 'Allocation letters scheduled',
  lettersSentOn: (date, n) => `Allocation letters sent on ${date} (${n})`,
  disputeNote: (body, rounds) =>
    `${body} withheld consent in round ${rounds}. The dispute can be brought before the national Commissie voor Geschillen Medezeggenschap; a revised version can still be submitted.`,

  actionsTitle: 'Secretariat actions',
  anyBody: 'Every open body',
  escalatedBodies: 'Every body without quorum',
  remindNow: 'Remind now',
  remindHint:
    'Members who have not voted yet receive a reminder now, or at the next working moment.',
  extendDeadline: 'Extend deadline',
  newDeadline: 'New deadline',
  newDeadlineHint: 'Date and time (Dutch time), such as 18-12-2026 17:00.',
  closeRound: 'Close round',
  closeRoundHint:
    'Only when the deadline passed without quorum. The body then decides on the votes cast.',
  confirmClose: 'Voting will be closed with the votes cast so far. Continue?',
  revisionTitle: 'Revised version',
  revisionIntro:
    'The proposal was rejected. A revised version opens a new voting round for all bodies; earlier votes no longer count.',
  revisionDeadline: 'Deadline of the new round (optional)',
  revisionDeadlineHint:
    'Leave empty: the original deadline, if it has not passed. Such as 15-01-2027 17:00.',
  uploadRevision: 'Upload revised version',
  adoptTitle: 'Adopt',
  adoptIntro:
    'ALV and RvT approved and the OPR consented. As director you now adopt the budget; the allocation letters then go to the school boards on the scheduled date.',
  adoptButton: 'Adopt',
  confirmAdopt: 'You are adopting the budget. This cannot be undone. Continue?',
  adoptOtherDirector: 'Only the director of this cycle can adopt the budget.',
  actionDone: {
    reminded: 'The reminder has been requested.',
    extended: 'The deadline has been extended.',
    closed: 'Voting has been closed.',
    revised: 'The revised version has been submitted. A new voting round has opened.',
    adopted: 'The budget has been adopted.',
  },
  cycleUnreachable: 'The cycle cannot be reached at the moment. Please try again in a few minutes.',
  adoptTaskIntro: 'Adopt the budget on the page of the budget cycle.',
  adoptTaskLink: 'Go to the budget cycle to adopt',

  notFoundTitle: 'Not found',
  notFoundBody: 'This page does not exist, or you do not have access to it.',
  forbiddenTitle: 'No access',
  forbiddenBody: 'You do not have access to this page.',
  errorTitle: 'Something went wrong',
  errorBody:
    'Something went wrong on our side. Please try again later. If it keeps happening, contact the secretariat of your cooperation.',
  badRequestTitle: 'This request could not be processed',
  badRequestBody: 'Check what you entered or chose, and try again.',
  tooLargeTitle: 'This file is too large',
  tooLargeBody: (maxMb: number) =>
    `A proposal can be at most ${maxMb} MB. Go back and choose a smaller file, or enter a link to the proposal. You will need to fill in the other fields again.`,
  csrfTitle: 'Form expired',
  csrfBody:
    'The form could not be processed because it has expired. Go back, reload the page and try again.',
  toHome: 'Go to the start page',
  acc: {
    title: (year: number) => `Accountability ${year}`,
    overviewTitle: (year: number) => `Accountability ${year}: overview`,
    schoolTitle: (year: number, school: string) => `Accountability ${year}: ${school}`,
    status: {
      not_started: 'Not started',
      draft: 'Draft',
      submitted: 'Submitted',
      returned: 'Returned with comments',
      accepted: 'Accepted',
      late: 'Late',
      waived: 'Waived',
    } as Record<string, string>,
    statusLabel: 'Status',
    deadline: 'Deadline',
    daysLate: 'Days late',
    daysLateText: (n: number) => (n === 1 ? '1 day late' : `${n} days late`),
    onTime: 'On time',
    version: 'Version',
    formatVersion: (v: number) => `Format version ${v}`,
    income: 'Income',
    incomeIntro: 'Amounts in euros, with a decimal comma, such as 58.000,00.',
    expenses: 'Expenses',
    expensesIntro: 'Per line the FTE (such as 0,8) and the amount in euros.',
    appendix: 'Appendix: which extra support',
    appendixIntro:
      'Per line: the extra support the school delivers, how many FTE and for which target group.',
    optional: '(optional)',
    amount: 'Amount (€)',
    fte: 'FTE',
    description: 'Description',
    targetGroup: 'Target group',
    row: (n: number) => `Line ${n}`,
    addRow: 'Add a line',
    saveDraft: 'Save draft',
    submit: 'Submit',
    saved: 'The draft has been saved.',
    submitted: 'The accountability has been submitted. The secretariat will review it.',
    rowAdded: 'A line has been added. Remember to save.',
    returnedTitle: 'Returned with comments',
    returnedIntro: 'The secretariat asks you to correct the following and submit again:',
    returnedIntroOthers:
      'The secretariat asked the school to correct the following and submit again:',
    waitingForReview: 'Your accountability is waiting for review by the secretariat.',
    finalText: 'This accountability is complete and can no longer be changed.',
    draftSavedAt: (when: string) => `Draft last saved on ${when}.`,
    versions: 'Versions',
    noVersions: 'No version has been submitted yet.',
    submittedAt: 'Submitted on',
    comments: 'Comments',
    totals: 'Totals',
    totalIncome: 'Total income',
    totalExpenses: 'Total expenses',
    extraSupportFte: 'FTE extra support',
    appendixFte: 'FTE in the appendix',
    deduction: 'Deduction',
    deductionText: (amount: string, year: number) => `${amount} on the allocation of ${year}`,
    deductionsTotal: 'Deductions',
    noDeductions:
      'None yet: a deduction arises when an accountability with underspending is accepted.',
    deductionsText: (amount: string, schools: number) =>
      `${amount} in total, for ${schools === 1 ? '1 school' : `${schools} schools`}`,
    noSchool: 'You are not linked to a school in this accountability.',
    noCycle: (year: number) => `There is no accountability ${year}.`,
    school: 'School',
    board: 'Board',
    schoolsTable: 'Schools and their accountability',
    downloadCsv: 'Download the overview (CSV for Excel)',
    counts: 'Counts',
    open: 'View',
    openSchool: (school: string) => `View the accountability of ${school}`,
    review: 'Review',
    reviewIntro: 'Accept the submitted version, or return it with comments.',
    accept: 'Accept',
    returnWithComments: 'Return with comments',
    commentsLabel: 'Comments for the school',
    commentsHint: 'Needed when returning: what must the school correct?',
    reviewed: {
      accept: 'The accountability has been accepted.',
      return: 'The accountability has been returned.',
    },
    nothingToReview: 'There is no submitted version to review.',
    currentVersion: (v: number) => `Submitted version ${v}`,
    backToOverview: 'Back to the overview',
    unreachable:
      'The accountability cannot be reached right now. Please try again in a few minutes.',
    line: 'Line',
    linkFromCycles: (year: number) => `Accountability ${year}`,
    cyclesSection: 'Accountability cycles',
    accountingYear: 'Accounting year',
    noCycles: 'There is no accountability cycle yet.',
    phaseName: {
      fanning_out: 'Inviting the schools',
      running: 'Running',
    },
    waive: 'Waive',
    waiveIntro:
      'Waive this year’s accountability for the school, for instance after a merger or closure. This cannot be undone.',
    waiveReason: 'Reason for the waiver',
    waivedBy: 'Waived',
    waivedByPerson: (who: string) => `by ${who}`,
    waiveReasonHint: 'Required. The reason appears in the overview and the export.',
    waiveReasonRequired: 'Enter the reason for the waiver.',
    waived: 'The accountability has been waived for this school.',
    extend: 'Extend deadline',
    extendIntro: 'Give the school more time. The new deadline must be later than the current one.',
    newDeadline: 'New deadline',
    newDeadlineHint: 'Date and time, Dutch time.',
    newDeadlineRequired: 'Enter a new deadline, with date and time.',
    extended: 'The deadline has been extended.',
    newCycle: 'Start the accountability',
    newCycleIntro:
      'Every chosen school gets a task and, on the next working day between 08:00 and 18:00, an invitation by e-mail. Schools that do not submit in time are reminded.',
    accountingYearHint: 'The calendar year the schools account for, such as 2026.',
    titleHint: 'Leave empty: ‘Verantwoording’ with the year.',
    deadlineLabel: 'Submission deadline',
    deadlineHint:
      'Date and time (Dutch time), such as 01-02-2027 23:59. Leave empty: 1 February of the next year, until midnight.',
    reminderOffsetsHint: (current: string) =>
      `Numbers of working days, separated by commas. Leave empty: ${current}.`,
    reminderOffsetsSetting: (days: string) => `your SWV’s setting (${days})`,
    reminderOffsetsDefault: (days: string) => `the default (${days})`,
    schools: 'Schools',
    schoolsHint:
      'All regular schools are ticked. Untick a school that does not need to account this year.',
    schoolsRequired: 'Choose at least one school.',
    tickAll: 'Tick all',
    filterTitle: 'Find schools',
    filterStatus: 'Status',
    filterBoard: 'Board',
    filterName: 'School name contains',
    filterAll: 'All',
    filterButton: 'Search',
    filterClear: 'Show all schools',
    filterShown: (shown: number, total: number) =>
      shown === total
        ? `${total} ${total === 1 ? 'school' : 'schools'}`
        : `${shown} of ${total} schools`,
    filterNone: 'No school matches this search.',
    tickNone: 'Untick all',
    noRegularSchools: 'Your SWV has no regular schools yet. Add them under Administration first.',
    startButton: 'Start the accountability',
    started: (inviteAt: string | null) =>
      inviteAt === null
        ? 'The accountability has started. The schools now get a task and an invitation by e-mail.'
        : `The accountability has started. The schools get their task and invitation by e-mail on ${inviteAt}, the first moment within office hours.`,
    existed: 'An accountability for this year is already running. You see it below.',
  },
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
      'The lines on which schools enter amounts in euros. The line with key swv_variabel_bedrag counts as funds received when the underspending is computed.',
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
      'Note: this format has no income line with the key swv_variabel_bedrag. When an accountability is accepted, only the school’s fixed amount then counts as received, and the underspending comes out lower.',
    link: 'Accountability format',
  },
  ect: {
    title: 'My schools',
    intro:
      'The accountability of the schools you are the ECT member for or that fall under your board, per year: for the evaluation in October and November, and to see which school still has to submit. You can read them, not change them.',
    none: 'There is no accountability yet of a school you are the ECT member for or that falls under your board.',
    schoolsOf: (title: string) => `Schools in ${title}`,
    back: 'Back to my schools',
  },
  del: {
    link: {
      boards: 'Delete this school board',
      schools: 'Delete this school',
      persons: 'Delete this person',
      bodies: 'Delete this body',
    },
    title: (name: string) => `Delete ${name}`,
    intro: {
      boards:
        'The school board disappears from the lists. This cannot be undone. A board with schools or people can only be deleted once those belong to another board or have been deleted themselves.',
      schools:
        'The school disappears from the lists. This cannot be undone. A school that already has an accountability, or that people are linked to, cannot be deleted.',
      persons:
        'The person can no longer sign in and disappears from the lists. This cannot be undone. Someone who has had tasks, is a member of a body or appears in a cycle’s history cannot be deleted.',
      bodies:
        'The body and its members disappear from the lists. This cannot be undone. Running cycles keep voting with the members they recorded when they started.',
    },
    confirm: 'Yes, delete permanently',
    refusedTitle: 'This cannot be deleted',
    personInstead:
      'Make the person inactive instead (untick ‘Active’ on the previous page): they can no longer sign in and get no more tasks or e-mails, and the history stays complete.',
    deleted: {
      boards: 'The school board has been deleted.',
      schools: 'The school has been deleted.',
      persons: 'The person has been deleted.',
      bodies: 'The body has been deleted.',
    },
  },
};

export const MESSAGES: Record<Locale, Messages> = { nl, en };

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale];
}

export { isLocale };

/** Deadlines are Amsterdam wall-clock time (DOMAIN: deadlines are dates in Europe/Amsterdam). */
export function formatDateTime(locale: Locale, instant: Date): string {
  return i18n.formatDateTime(locale, instant);
}

export function formatDate(locale: Locale, instant: Date): string {
  return i18n.formatDate(locale, instant);
}

/** Calendar days from today to the deadline's day, both in Amsterdam: 0 = today, negative = late. */
export function daysUntil(due: Date, now: Date): number {
  return daysBetween(amsterdamDate(now), amsterdamDate(due));
}

export function formatNumber(locale: Locale, n: number): string {
  return i18n.formatCount(locale, n);
}

/** A share (0–1) as a percentage: '24,3%'. */
export function formatPercent(locale: Locale, share: number): string {
  return i18n.formatPercent(locale, share);
}

/** Amounts are shown the Dutch way in both languages: the SWV's documents use € 1.234,56. */
export function formatAmount(cents: number): string {
  return i18n.formatEuro(cents);
}

/** A file size as people read it: '850 bytes', '12,4 kB', '1,5 MB'. */
export function formatBytes(locale: Locale, bytes: number): string {
  return i18n.formatBytes(locale, bytes);
}
