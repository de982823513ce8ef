/** The e-mail with the sign-in link. */
export const signIn = {
  subject: 'Inloggen bij Jaarcyclus',
  intro: (org: string, minutes: number) =>
    `Met de link hieronder logt u in bij Jaarcyclus van ${org}. De link werkt één keer en is ${minutes} minuten geldig.`,
  button: 'Inloggen bij Jaarcyclus',
  ignore: 'Heeft u niet gevraagd om in te loggen? Dan kunt u deze e-mail negeren.',
};
