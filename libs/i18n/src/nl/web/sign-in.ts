import type { Locale } from '../../locale';

/** Signing in: the sign-in form, the 'check your e-mail' page and the pages behind the e-mailed link. */
export const signIn = {
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
  /** The page behind the e-mailed link: opening it only shows a button (mail scanners open links too). */
  linkTitle: 'Inloggen',
  linkHeading: 'Inloggen bij Jaarcyclus',
  linkIntro: 'Klik op de knop om in te loggen. De link in uw e-mail werkt één keer.',
  linkButton: 'Inloggen',
  signedInTitle: 'U bent ingelogd',
  signedInWelcome: (name: string, organisation: string) =>
    `Welkom, ${name}. U bent ingelogd bij Jaarcyclus van ${organisation}.`,
  signedInContinue: 'Ga verder naar Jaarcyclus',
  linkInvalidTitle: 'Link ongeldig',
  linkInvalidHeading: 'Deze link werkt niet meer',
  linkInvalidBody:
    'Deze inloglink is ongeldig, verlopen of al gebruikt. Vraag een nieuwe inloglink aan.',
  /** The same, in the other language: whoever opens the link may not have chosen a language yet. */
  linkInvalidOther: {
    locale: 'en' as Locale,
    text: 'This sign-in link is invalid, expired or already used. Please request a new one.',
  },
  /** POST /auth/verify with a spent link, for API clients (with the English after it). */
  linkInvalidApi: 'Deze inloglink is ongeldig, verlopen of al gebruikt. Vraag een nieuwe link aan.',
};
