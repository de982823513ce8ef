import type { SchoolMailArgs } from '../../mail-types';
import { common } from './common';

const { days } = common;
const prefix = (a: SchoolMailArgs) => `[${a.org}] Verantwoording ${a.year}`;

/** The 1 February accountability: the mails to a school's contacts, its board and ECT member, the secretariat. */
export const accountability = {
  fill: 'Verantwoording invullen',
  invitation: {
    subject: (a: SchoolMailArgs) => `${prefix(a)}: inleveren uiterlijk ${a.deadline} – ${a.school}`,
    ask: (a: SchoolMailArgs) =>
      `${a.org} vraagt ${a.school} om de verantwoording over kalenderjaar ${a.year} in het vaste format (versie ${a.formatVersion}). Het format vraagt de ontvangsten (in euro’s), de uitgaven (in fte en euro’s) en een bijlage met de extra ondersteuning die de school biedt (inhoud en fte).`,
    deadline: (a: SchoolMailArgs) =>
      `Lever de verantwoording in vóór ${a.deadline}. U kunt tussentijds een concept opslaan.`,
    underspending:
      'Is er sprake van onderbesteding, dan wordt dat bedrag gekort op de totale ontvangsten.',
  },
  reminder: {
    subject: (a: SchoolMailArgs) =>
      `${prefix(a)}: herinnering, inleveren vóór ${a.deadline} – ${a.school}`,
    returned: (a: SchoolMailArgs) =>
      `De verantwoording ${a.year} van ${a.school} (versie ${a.version ?? ''}) is teruggestuurd voor correctie en nog niet opnieuw ingediend. De deadline is ${a.deadline}.`,
    notReceived: (a: SchoolMailArgs) =>
      `${a.org} heeft de verantwoording ${a.year} van ${a.school} nog niet ontvangen. De deadline is ${a.deadline}.`,
  },
  overdue: {
    subject: (a: SchoolMailArgs) => `${prefix(a)}: ${days(a.daysLate)} te laat – ${a.school}`,
    passed: (a: SchoolMailArgs) =>
      `De deadline van de verantwoording ${a.year} van ${a.school} (${a.deadline}) is verstreken; de school is ${days(a.daysLate)} te laat.`,
    submitNow:
      'Lever de verantwoording zo snel mogelijk in. Het bestuur en het ECT-lid van de school zijn op de hoogte gebracht.',
  },
  extended: {
    subject: (a: SchoolMailArgs) => `${prefix(a)}: nieuwe deadline ${a.deadline} – ${a.school}`,
    extended: (a: SchoolMailArgs) =>
      `Het secretariaat van ${a.org} heeft de deadline van de verantwoording ${a.year} van ${a.school} verlengd tot ${a.deadline}.`,
  },
  returned: {
    subject: (a: SchoolMailArgs) => `${prefix(a)}: teruggestuurd voor correctie – ${a.school}`,
    returned: (a: SchoolMailArgs) =>
      `Het secretariaat van ${a.org} heeft versie ${a.version ?? ''} van de verantwoording ${a.year} van ${a.school} teruggestuurd voor correctie:`,
    resubmit: (a: SchoolMailArgs) => `Dien de gecorrigeerde verantwoording in vóór ${a.deadline}.`,
    correct: 'Verantwoording corrigeren',
  },
  accepted: {
    subject: (a: SchoolMailArgs) => `${prefix(a)}: geaccepteerd – ${a.school}`,
    accepted: (a: SchoolMailArgs) =>
      `Het secretariaat van ${a.org} heeft versie ${a.version ?? ''} van de verantwoording ${a.year} van ${a.school} geaccepteerd.`,
    received: 'Ontvangen van het samenwerkingsverband',
    spent: 'Besteed (verantwoorde uitgaven)',
    underspending: 'Onderbesteding',
    deducted: (a: SchoolMailArgs, amount: string) =>
      `De onderbesteding van ${amount} wordt gekort op de toekenning${a.allocationYear ? ` voor ${a.allocationYear}` : ''}.`,
    noUnderspending: 'Er is geen onderbesteding.',
  },
  waived: {
    subject: (a: SchoolMailArgs) => `${prefix(a)}: vrijgesteld – ${a.school}`,
    waived: (a: SchoolMailArgs) =>
      `Het secretariaat van ${a.org} heeft ${a.school} vrijgesteld van de verantwoording ${a.year}. U hoeft niets meer in te leveren.`,
    reason: (reason: string) => `Reden: ${reason}`,
  },
  escalation: {
    subject: (a: SchoolMailArgs) =>
      `[${a.org}] Verantwoording ${a.year} niet ingeleverd: ${a.school}`,
    late: (a: SchoolMailArgs) =>
      `${a.school} heeft de verantwoording ${a.year} niet bij ${a.org} ingeleverd. De deadline was ${a.deadline}; de school is ${days(a.daysLate)} te laat.`,
    toBestuurder: (board: string) =>
      `Als bestuurder van ${board} vragen wij u erop toe te zien dat de school zo snel mogelijk inlevert.`,
    toEctMember:
      'Als ECT-lid van de school vragen wij u met het ondersteuningsteam van de school te bespreken hoe de verantwoording alsnog rondkomt.',
    view: 'Bekijk de verantwoording van de school',
  },
  review: {
    subject: (a: SchoolMailArgs) =>
      `[${a.org}] Verantwoording ${a.year} beoordelen: ${a.school} (versie ${a.version ?? ''})`,
    submitted: (a: SchoolMailArgs) =>
      `${a.school} heeft versie ${a.version ?? ''} van de verantwoording ${a.year} ingediend${a.daysLate > 0 ? `, ${days(a.daysLate)} te laat` : ''}.`,
    ask: 'Beoordeel de verantwoording: accepteer haar, of stuur haar terug voor correctie met wat de school moet verbeteren.',
    review: 'Beoordelen',
  },
  /** A reply in the conversation on the accountability: the other side is told, without the text. */
  reply: {
    subject: (org: string, year: number, school: string) =>
      `[${org}] Verantwoording ${year}: nieuwe reactie – ${school}`,
    bySchool: (year: number, school: string) =>
      `${school} heeft gereageerd in het gesprek over de verantwoording ${year}.`,
    byOffice: (year: number, school: string) =>
      `Het secretariaat heeft gereageerd in het gesprek over de verantwoording ${year} van ${school}.`,
    read: 'Lees de reactie in Jaarcyclus; u kunt daar ook antwoorden.',
    open: 'Gesprek openen',
  },
};
