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
};
