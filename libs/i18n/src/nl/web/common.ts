import type { Locale } from '../../locale';

/** The page shell: header, navigation, language switch, and words every page uses. */
export const common = {
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
  navCycles: 'Cycli',
  navSchools: 'Mijn scholen',
};
