import type { signIn as nl } from '../../nl/web/sign-in';

export const signIn: typeof nl = {
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
};
