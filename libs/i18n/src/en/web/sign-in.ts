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
  linkTitle: 'Sign in',
  linkHeading: 'Sign in to Jaarcyclus',
  linkIntro: 'Press the button to sign in. The link in your email works once.',
  linkButton: 'Sign in',
  signedInTitle: 'You are signed in',
  signedInWelcome: (name, organisation) =>
    `Welcome, ${name}. You are signed in to Jaarcyclus of ${organisation}.`,
  signedInContinue: 'Continue to Jaarcyclus',
  linkInvalidTitle: 'Invalid link',
  linkInvalidHeading: 'This link no longer works',
  linkInvalidBody:
    'This sign-in link is invalid, expired or already used. Please request a new one.',
  linkInvalidOther: {
    locale: 'nl',
    text: 'Deze inloglink is ongeldig, verlopen of al gebruikt. Vraag een nieuwe inloglink aan.',
  },
  linkInvalidApi: 'This sign-in link is invalid, expired or already used; request a new one.',
};
