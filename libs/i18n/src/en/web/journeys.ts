import type { journeys as nl } from '../../nl/web/journeys';

export const journeys: typeof nl = {
  signedInContinueNext: 'Continue to the page from your e-mail',
  linkInvalidSignedIn: (name: string) =>
    `This sign-in link has been used or has expired, but you are still signed in as ${name}.`,
  linkInvalidContinue: 'Continue',
  logoutTitle: 'Sign out',
  logoutConfirm: 'Do you want to sign out of Jaarcyclus?',
  logoutButton: 'Sign out',
};
