/** The private calendar feed. */
export const calendar = {
  calendarTitle: 'Agenda',
  calendarIntro:
    'Met een agenda-abonnement ziet u de deadlines van uw openstaande taken in uw eigen agenda, zoals Outlook, Google Agenda of Apple Agenda. De link is persoonlijk: deel hem niet.',
  feedNone: 'U heeft nog geen agenda-link.',
  feedActive: (since: string) =>
    `U heeft een agenda-link sinds ${since}. Uit veiligheid tonen wij de link alleen direct na het aanmaken. Kwijt? Maak een nieuwe link aan; de oude werkt dan niet meer.`,
  /** A personal feed of the office whose token also opened the year agenda (migration 180). */
  feedOpenedAgenda:
    'Deze agenda-link opende eerder ook de jaaragenda van het samenwerkingsverband; dat doet hij niet meer. Hebt u de link van de jaaragenda met iemand gedeeld, maak dan hieronder een nieuwe agenda-link aan: de oude werkt daarna niet meer.',
  feedCreate: 'Agenda-link aanmaken',
  feedRegenerate: 'Nieuwe agenda-link aanmaken',
  feedRevoke: 'Agenda-link intrekken',
  feedCreatedTitle: 'Uw agenda-link',
  feedCreatedNote:
    'Kopieer de link nu en voeg hem in uw agenda toe als abonnement (via URL). Wij tonen hem maar één keer.',
  feedUrlLabel: 'Agenda-link',
  feedCopy: 'Kopieer de link',
  feedCopied: 'De link is gekopieerd.',
  feedRevoked:
    'De agenda-link is ingetrokken. Agenda’s die hem gebruikten, krijgen geen deadlines meer.',
  confirmRegenerate: 'De huidige agenda-link werkt daarna niet meer. Doorgaan?',
  confirmRevoke: 'Agenda’s die deze link gebruiken, krijgen daarna geen deadlines meer. Intrekken?',
};
