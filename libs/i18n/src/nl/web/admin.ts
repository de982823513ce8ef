import { fraction, isHalf, type VotingRuleShape } from '../../web-types';
import type { Locale } from '../../locale';

/** 'Beheer': the SWV's boards, schools, people, bodies and settings, and deleting them. */
export const admin = {
  settingsTitle: 'Instellingen van het samenwerkingsverband',
  settingsIntro:
    'Deze instellingen gelden voor cycli die hierna starten; een lopende cyclus houdt wat hij bij de start kreeg. Leeg laten: de standaard.',
  budgetReminderDays: 'Herinneringen bij stemmingen over de begroting (werkdagen voor de deadline)',
  accountabilityReminderDays:
    'Herinneringen bij de verantwoording (werkdagen voor de inleverdatum)',
  reminderDaysHint: (defaults: string) =>
    `Aantallen werkdagen, gescheiden door komma’s. Leeg laten: de standaard (${defaults}).`,
  oprDisputeRounds: 'Geschil met de OPR na dit aantal rondes zonder instemming',
  oprDisputeRoundsHint: (defaults: number) =>
    `Daarna gaat het geschil naar de Commissie voor Geschillen. Leeg laten: de standaard (${defaults}).`,
  settingsSaved: 'De instellingen zijn opgeslagen.',
  adminTitle: 'Beheer',
  adminSections: 'Onderdelen',
  readOnlyNote: 'U kunt deze gegevens bekijken. Alleen een beheerder kan ze wijzigen.',
  boards: 'Schoolbesturen',
  schools: 'Scholen',
  people: 'Personen',
  bodies: 'Organen',
  name: 'Naam',
  pupilCount: 'Aantal leerlingen',
  pupilCountHint: 'Het aantal leerlingen bepaalt het stemgewicht van het bestuur in de ALV.',
  bestuurder: 'Bestuurder',
  addBoard: 'Schoolbestuur toevoegen',
  editBoard: 'Schoolbestuur wijzigen',
  boardAdded: (name: string) => `Schoolbestuur ‘${name}’ is toegevoegd.`,
  boardSaved: (name: string) => `De wijzigingen aan ‘${name}’ zijn opgeslagen.`,
  addSchool: 'School toevoegen',
  editSchool: 'School wijzigen',
  schoolAdded: (name: string) => `School ‘${name}’ is toegevoegd.`,
  schoolSaved: (name: string) => `De wijzigingen aan ‘${name}’ zijn opgeslagen.`,
  school: 'School',
  chooseBoard: 'Kies een bestuur',
  brinHint:
    'Niet verplicht. Twee cijfers en twee letters, eventueel met een vestigingsnummer, zoals 20AB.',
  locationsHint: 'Het aantal vestigingen van de school, 1 of meer.',
  fixedAmountHint:
    'Het vaste bedrag per jaar in euro’s, met een komma voor de centen, zoals 45.000,00. Alleen voor reguliere scholen.',
  ectMemberHint: 'Een persoon met de rol ECT-lid.',
  addPerson: 'Persoon toevoegen',
  editPerson: 'Persoon wijzigen',
  personAdded: (name: string) => `${name} is toegevoegd.`,
  personSaved: (name: string) => `De wijzigingen aan ${name} zijn opgeslagen.`,
  rolesHint: 'Kies alle rollen die deze persoon heeft.',
  schoolOfPerson: 'School (voor een contactpersoon)',
  boardOfPerson: 'Bestuur (waarvoor deze persoon werkt of dat hij vertegenwoordigt)',
  activeHint: 'Een inactieve persoon kan niet inloggen en krijgt geen taken.',
  totalPupils: 'Totaal',
  board: 'Bestuur',
  schoolKind: { regular: 'Regulier', special: 'Speciaal (vso)' },
  locations: 'Vestigingen',
  fixedAmount: 'Vast bedrag',
  ectMember: 'ECT-lid',
  brin: 'BRIN',
  email: 'E-mailadres',
  roles: 'Rollen',
  language: 'Taal',
  active: 'Actief',
  inactive: 'inactief',
  role: {
    admin: 'beheerder',
    secretariat: 'secretariaat',
    director: 'directeur-bestuurder',
    body_member: 'lid van een orgaan',
    school_contact: 'contactpersoon school',
    ect_member: 'ECT-lid',
    parent: 'ouder/verzorger',
  },
  localeName: { nl: 'Nederlands', en: 'Engels' } satisfies Record<Locale, string>,
  bodyKey: 'Sleutel',
  decisionKind: {
    goedkeuring: 'goedkeuring',
    instemming: 'instemming',
    advies: 'advies',
  },
  votingRule: 'Stemregel',
  chair: 'Voorzitter',
  members: 'Leden',
  noMembers: 'Nog geen leden.',
  onBehalfOf: (board: string) => `namens ${board}`,
  editBody: 'Orgaan wijzigen',
  bodySaved: (name: string) => `De wijzigingen aan ‘${name}’ zijn opgeslagen.`,
  memberAdded: (name: string) => `${name} is toegevoegd als lid.`,
  memberRemoved: 'Het lid is verwijderd.',
  weighting: 'Stemgewicht',
  weightingOption: {
    one_member_one_vote: 'Eén lid, één stem',
    pupil_count: 'Gewogen naar het leerlingaantal van het vertegenwoordigde bestuur',
  },
  quorumBasis: 'Quorum',
  quorumOption: {
    none: 'Geen quorum',
    members: 'Een deel van de leden moet stemmen',
    weight: 'Een deel van het stemgewicht moet stemmen',
  },
  quorumNumerator: 'Quorum: teller',
  quorumDenominator: 'Quorum: noemer',
  quorumFractionHint:
    'Het quorum als breuk, zoals 1 en 2 voor de helft. Alleen nodig als er een quorum is.',
  majorityBasis: 'Meerderheid van',
  majorityOption: { votes_cast: 'De uitgebrachte stemmen', all_members: 'Alle leden' },
  majorityStrict: 'Drempel',
  strictOption: {
    true: 'Meer dan de breuk (bij 1/2: gewone meerderheid)',
    false: 'Ten minste de breuk (bij 1/1: unanimiteit)',
  },
  majorityNumerator: 'Meerderheid: teller',
  majorityDenominator: 'Meerderheid: noemer',
  majorityFractionHint:
    'De meerderheid als breuk, zoals 1 en 2 voor de helft of 2 en 3 voor twee derde.',
  abstentions: 'Onthoudingen',
  abstentionsOption: {
    excluded: 'Tellen niet mee',
    count_against: 'Tellen mee als uitgebrachte stem (werken als tegenstem)',
  },
  addMember: 'Lid toevoegen',
  memberPerson: 'Persoon',
  choosePerson: 'Kies een persoon',
  memberBoard: 'Namens bestuur',
  memberBoardHint: 'Verplicht: dit orgaan weegt stemmen naar het leerlingaantal van het bestuur.',
  removeMember: 'Verwijderen',
  removeMemberLabel: (name: string) => `${name} verwijderen als lid`,
  confirmRemoveMember: (name: string) => `${name} verwijderen als lid van dit orgaan?`,
  /** "gewogen naar leerlingaantal, quorum 1/2 van het gewicht, gewone meerderheid …". */
  describeVotingRule: (rule: VotingRuleShape): string => {
    const weighting =
      rule.weighting === 'pupil_count' ? 'gewogen naar leerlingaantal' : 'één lid, één stem';
    const quorum = !rule.quorum
      ? 'geen quorum'
      : `quorum ${fraction(rule.quorum)} van ${rule.quorum.basis === 'weight' ? 'het gewicht' : 'de leden'}`;
    const base =
      rule.majority.basis === 'votes_cast' ? 'van de uitgebrachte stemmen' : 'van alle leden';
    const majority =
      rule.majority.strict && isHalf(rule.majority)
        ? `gewone meerderheid ${base}`
        : `${rule.majority.strict ? 'meer dan' : 'ten minste'} ${fraction(rule.majority)} ${base}`;
    const abstentions =
      rule.abstentions === 'excluded'
        ? 'onthoudingen tellen niet mee'
        : 'onthoudingen tellen mee als uitgebrachte stem';
    return `${weighting}, ${quorum}, ${majority}; ${abstentions}`;
  },
  del: {
    link: {
      boards: 'Dit schoolbestuur verwijderen',
      schools: 'Deze school verwijderen',
      persons: 'Deze persoon verwijderen',
      bodies: 'Dit orgaan verwijderen',
    },
    title: (name: string) => `${name} verwijderen`,
    intro: {
      boards:
        'Het schoolbestuur verdwijnt uit de lijsten. Dit kan niet ongedaan worden gemaakt. Een bestuur met scholen of personen kan pas worden verwijderd als die bij een ander bestuur staan of zelf zijn verwijderd.',
      schools:
        'De school verdwijnt uit de lijsten. Dit kan niet ongedaan worden gemaakt. Een school die al een verantwoording heeft of waaraan personen gekoppeld zijn, kan niet worden verwijderd.',
      persons:
        'De persoon kan niet meer inloggen en verdwijnt uit de lijsten. Dit kan niet ongedaan worden gemaakt. Iemand die taken heeft gehad, lid is van een orgaan of in de geschiedenis van een cyclus voorkomt, kan niet worden verwijderd.',
      bodies:
        'Het orgaan en zijn leden verdwijnen uit de lijsten. Dit kan niet ongedaan worden gemaakt. Lopende cycli stemmen door met de leden die ze bij hun start vastlegden.',
    },
    confirm: 'Ja, definitief verwijderen',
    refusedTitle: 'Dit kan niet worden verwijderd',
    personInstead:
      'Zet de persoon in plaats daarvan op inactief (vink ‘Actief’ uit op de vorige pagina): dan kan hij of zij niet meer inloggen en krijgt geen taken of e-mails meer, en blijft de geschiedenis compleet.',
    deleted: {
      boards: 'Het schoolbestuur is verwijderd.',
      schools: 'De school is verwijderd.',
      persons: 'De persoon is verwijderd.',
      bodies: 'Het orgaan is verwijderd.',
    },
  },
};
