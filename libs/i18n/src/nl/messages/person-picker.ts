/** The person picker of the Beheer forms: a typed text that names no one, or more than one. */
export const personPicker = {
  notFound: (p: { text: string }) =>
    `Niemand gevonden met „${p.text}”. Typ een deel van de naam of het e-mailadres en kies uit de lijst.`,
  ambiguous: (p: { text: string; count: number }) =>
    `„${p.text}” past bij ${p.count} personen. Kies er één uit de lijst; de lijst toont het e-mailadres achter de naam.`,
  /** A person form whose e-mail address another person of the same SWV has. */
  emailInUseBy: (p: { name: string }) =>
    `Dit e-mailadres is al in gebruik bij ${p.name}. Zoek die persoon op in de lijst, of vul een ander adres in.`,
};
