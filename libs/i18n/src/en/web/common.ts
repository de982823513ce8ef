import type { common as nl } from '../../nl/web/common';

export const common: typeof nl = {
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
  navCycles: 'Cycles',
  navSchools: 'My schools',
};
