import {
  amsterdamDate,
  daysBetween,
  formatDateNl,
  formatDateTimeNl,
  formatEuro,
  type DecisionKind,
} from '@jaarcyclus/domain';
import type { Locale, Role, SchoolKind, TaskKind, TaskStatus } from '@jaarcyclus/persistence';

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
  votingUnavailable: 'Stemmen is nog niet beschikbaar.',
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

  notFoundTitle: 'Niet gevonden',
  notFoundBody: 'Deze pagina bestaat niet, of u heeft er geen toegang toe.',
  forbiddenTitle: 'Geen toegang',
  forbiddenBody: 'U heeft geen toegang tot deze pagina.',
  errorTitle: 'Er ging iets mis',
  errorBody:
    'Er ging aan onze kant iets mis. Probeer het later opnieuw. Blijft het misgaan? Neem dan contact op met het secretariaat van uw samenwerkingsverband.',
  badRequestTitle: 'Dit verzoek kon niet worden verwerkt',
  badRequestBody: 'Controleer wat u invulde of koos, en probeer het opnieuw.',
  csrfTitle: 'Formulier verlopen',
  csrfBody:
    'Het formulier kon niet worden verwerkt, omdat het verlopen is. Ga terug, vernieuw de pagina en probeer het opnieuw.',
  toHome: 'Naar de startpagina',
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
  votingUnavailable: 'Voting is not available yet.',
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

  notFoundTitle: 'Not found',
  notFoundBody: 'This page does not exist, or you do not have access to it.',
  forbiddenTitle: 'No access',
  forbiddenBody: 'You do not have access to this page.',
  errorTitle: 'Something went wrong',
  errorBody:
    'Something went wrong on our side. Please try again later. If it keeps happening, contact the secretariat of your cooperation.',
  badRequestTitle: 'This request could not be processed',
  badRequestBody: 'Check what you entered or chose, and try again.',
  csrfTitle: 'Form expired',
  csrfBody:
    'The form could not be processed because it has expired. Go back, reload the page and try again.',
  toHome: 'Go to the start page',
};

export const MESSAGES: Record<Locale, Messages> = { nl, en };

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale];
}

export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}

const EN_DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const EN_DATE = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** Deadlines are Amsterdam wall-clock time (DOMAIN: deadlines are dates in Europe/Amsterdam). */
export function formatDateTime(locale: Locale, instant: Date): string {
  return locale === 'nl' ? formatDateTimeNl(instant) : EN_DATE_TIME.format(instant);
}

export function formatDate(locale: Locale, instant: Date): string {
  return locale === 'nl' ? formatDateNl(amsterdamDate(instant)) : EN_DATE.format(instant);
}

/** Calendar days from today to the deadline's day, both in Amsterdam: 0 = today, negative = late. */
export function daysUntil(due: Date, now: Date): number {
  return daysBetween(amsterdamDate(now), amsterdamDate(due));
}

const NUMBER: Record<Locale, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat('nl-NL'),
  en: new Intl.NumberFormat('en-GB'),
};

export function formatNumber(locale: Locale, n: number): string {
  return NUMBER[locale].format(n);
}

/** Amounts are shown the Dutch way in both languages: the SWV's documents use € 1.234,56. */
export function formatAmount(cents: number): string {
  return formatEuro(cents);
}
