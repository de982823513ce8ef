/** Pages about limits that protect the service (sign-in rate limits). */
export const trust = {
  tooManyTitle: 'Te veel verzoeken',
  tooManyBody: (minutes: number) =>
    `Er zijn vanaf dit adres of voor dit e-mailadres te veel inlogverzoeken gedaan. Probeer het over ${minutes} minuten opnieuw. Een inloglink die u al kreeg, werkt nog.`,
};
