import type { signIn as nl } from '../../nl/mail/sign-in';

export const signIn: typeof nl = {
  subject: 'Sign in to Jaarcyclus',
  intro: (org, minutes) =>
    `Use the link below to sign in to Jaarcyclus of ${org}. The link works once and is valid for ${minutes} minutes.`,
  button: 'Sign in to Jaarcyclus',
  ignore: 'Did not ask to sign in? Then you can ignore this email.',
};
