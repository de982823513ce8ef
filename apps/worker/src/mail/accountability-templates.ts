/**
 * Mail texts of the 1 February accountability (verantwoording, docs/domain.md, source 001 §7.4), rendered
 * separately from sending. Dutch by default, English for people whose locale is 'en'; every
 * mail names the SWV (tenant) and, when the reader has something to do, links to their task in
 * the web app. Layout, dates and the footer come from the shared helpers in ./templates.
 */
import { type SchoolNotificationKind, type UnderspendingFigures } from '@jaarcyclus/workflows';
import { formatEuro } from '@jaarcyclus/domain';
import {
  type Block,
  type Locale,
  type RenderedMail,
  compose,
  footer,
  formatInstant,
} from './templates';

export interface SchoolMailData {
  organisationName: string;
  recipientName: string;
  schoolName: string;
  accountingYear: number;
  /** ISO: the school's current deadline. */
  deadline: string;
  daysLate: number;
  formatVersion: number;
  /** The submission version the mail is about (returned, accepted). */
  version?: number;
  /** What the school must correct (returned); why it was waived (waived). */
  comments?: string;
  /** Accepted: the figures behind the deduction. */
  underspending?: UnderspendingFigures;
  /** Accepted with underspending: the allocation year the deduction is taken from. */
  allocationYear?: number;
  /** The reader's task in the web app; null when there is none. */
  taskUrl: string | null;
}

function taskLink(url: string | null, label: string): Block[] {
  return url ? [{ link: url, label }] : [];
}

function days(locale: Locale, n: number): string {
  if (locale === 'en') return n === 1 ? '1 day' : `${n} days`;
  return n === 1 ? '1 dag' : `${n} dagen`;
}

function underspendingRows(locale: Locale, u: UnderspendingFigures): [string, string][] {
  const en = locale === 'en';
  return [
    [
      en ? 'Received from the SWV' : 'Ontvangen van het samenwerkingsverband',
      formatEuro(u.receivedCents),
    ],
    [
      en ? 'Spent (expenses reported)' : 'Besteed (verantwoorde uitgaven)',
      formatEuro(u.spentCents),
    ],
    [en ? 'Underspending' : 'Onderbesteding', formatEuro(u.underspendingCents)],
  ];
}

/** The mails to a school's contacts, one per notification kind of the school workflow. */
export function renderSchoolMail(
  locale: Locale,
  kind: SchoolNotificationKind,
  d: SchoolMailData,
): RenderedMail {
  return locale === 'en' ? renderSchoolMailEn(kind, d) : renderSchoolMailNl(kind, d);
}

function renderSchoolMailNl(kind: SchoolNotificationKind, d: SchoolMailData): RenderedMail {
  const org = d.organisationName;
  const year = d.accountingYear;
  const deadline = formatInstant('nl', d.deadline);
  const prefix = `[${org}] Verantwoording ${year}`;
  const hello = `Beste ${d.recipientName},`;
  const fill = taskLink(d.taskUrl, 'Verantwoording invullen');
  const what =
    'Het format vraagt de ontvangsten (in euro’s), de uitgaven (in fte en euro’s) en een bijlage met de extra ondersteuning die de school biedt (inhoud en fte).';
  const f = footer('nl', org);
  switch (kind) {
    case 'invitation':
      return compose(
        `${prefix}: inleveren uiterlijk ${deadline} – ${d.schoolName}`,
        [
          hello,
          `${org} vraagt ${d.schoolName} om de verantwoording over kalenderjaar ${year} in het vaste format (versie ${d.formatVersion}). ${what}`,
          `Lever de verantwoording in vóór ${deadline}. U kunt tussentijds een concept opslaan.`,
          'Is er sprake van onderbesteding, dan wordt dat bedrag gekort op de totale ontvangsten.',
          ...fill,
        ],
        f,
      );
    case 'reminder':
      return compose(
        `${prefix}: herinnering, inleveren vóór ${deadline} – ${d.schoolName}`,
        [
          hello,
          d.version !== undefined
            ? `De verantwoording ${year} van ${d.schoolName} (versie ${d.version}) is teruggestuurd voor correctie en nog niet opnieuw ingediend. De deadline is ${deadline}.`
            : `${org} heeft de verantwoording ${year} van ${d.schoolName} nog niet ontvangen. De deadline is ${deadline}.`,
          ...fill,
        ],
        f,
      );
    case 'overdue':
      return compose(
        `${prefix}: ${days('nl', d.daysLate)} te laat – ${d.schoolName}`,
        [
          hello,
          `De deadline van de verantwoording ${year} van ${d.schoolName} (${deadline}) is verstreken; de school is ${days('nl', d.daysLate)} te laat.`,
          'Lever de verantwoording zo snel mogelijk in. Het bestuur en het ECT-lid van de school zijn op de hoogte gebracht.',
          ...fill,
        ],
        f,
      );
    case 'deadline_extended':
      return compose(
        `${prefix}: nieuwe deadline ${deadline} – ${d.schoolName}`,
        [
          hello,
          `Het secretariaat van ${org} heeft de deadline van de verantwoording ${year} van ${d.schoolName} verlengd tot ${deadline}.`,
          ...fill,
        ],
        f,
      );
    case 'returned':
      return compose(
        `${prefix}: teruggestuurd voor correctie – ${d.schoolName}`,
        [
          hello,
          `Het secretariaat van ${org} heeft versie ${d.version ?? ''} van de verantwoording ${year} van ${d.schoolName} teruggestuurd voor correctie:`,
          ...(d.comments ? [d.comments] : []),
          `Dien de gecorrigeerde verantwoording in vóór ${deadline}.`,
          ...taskLink(d.taskUrl, 'Verantwoording corrigeren'),
        ],
        f,
      );
    case 'accepted': {
      const u = d.underspending;
      const outcome: Block[] = u
        ? [
            { rows: underspendingRows('nl', u) },
            u.underspendingCents > 0
              ? `De onderbesteding van ${formatEuro(u.underspendingCents)} wordt gekort op de toekenning${d.allocationYear ? ` voor ${d.allocationYear}` : ''}.`
              : 'Er is geen onderbesteding.',
          ]
        : [];
      return compose(
        `${prefix}: geaccepteerd – ${d.schoolName}`,
        [
          hello,
          `Het secretariaat van ${org} heeft versie ${d.version ?? ''} van de verantwoording ${year} van ${d.schoolName} geaccepteerd.`,
          ...outcome,
        ],
        f,
      );
    }
    case 'waived':
      return compose(
        `${prefix}: vrijgesteld – ${d.schoolName}`,
        [
          hello,
          `Het secretariaat van ${org} heeft ${d.schoolName} vrijgesteld van de verantwoording ${year}. U hoeft niets meer in te leveren.`,
          ...(d.comments ? [`Reden: ${d.comments}`] : []),
        ],
        f,
      );
  }
}

function renderSchoolMailEn(kind: SchoolNotificationKind, d: SchoolMailData): RenderedMail {
  const org = d.organisationName;
  const year = d.accountingYear;
  const deadline = formatInstant('en', d.deadline);
  const prefix = `[${org}] Accountability ${year}`;
  const hello = `Dear ${d.recipientName},`;
  const fill = taskLink(d.taskUrl, 'Fill in the accountability');
  const what =
    'The format asks for the income (in euros), the expenses (in FTE and euros) and an appendix listing the extra support the school delivers (content and FTE).';
  const f = footer('en', org);
  switch (kind) {
    case 'invitation':
      return compose(
        `${prefix}: due ${deadline} – ${d.schoolName}`,
        [
          hello,
          `${org} asks ${d.schoolName} to account for the calendar year ${year} in its fixed format (version ${d.formatVersion}). ${what}`,
          `Please submit before ${deadline}. You can save a draft in between.`,
          'Underspending is deducted from the school’s total receipts.',
          ...fill,
        ],
        f,
      );
    case 'reminder':
      return compose(
        `${prefix}: reminder, due ${deadline} – ${d.schoolName}`,
        [
          hello,
          d.version !== undefined
            ? `The accountability ${year} of ${d.schoolName} (version ${d.version}) was returned for correction and has not been resubmitted yet. The deadline is ${deadline}.`
            : `${org} has not yet received the accountability ${year} of ${d.schoolName}. The deadline is ${deadline}.`,
          ...fill,
        ],
        f,
      );
    case 'overdue':
      return compose(
        `${prefix}: ${days('en', d.daysLate)} late – ${d.schoolName}`,
        [
          hello,
          `The deadline of the accountability ${year} of ${d.schoolName} (${deadline}) has passed; the school is ${days('en', d.daysLate)} late.`,
          'Please submit as soon as possible. The school board and the school’s ECT member have been informed.',
          ...fill,
        ],
        f,
      );
    case 'deadline_extended':
      return compose(
        `${prefix}: new deadline ${deadline} – ${d.schoolName}`,
        [
          hello,
          `The secretariat of ${org} extended the deadline of the accountability ${year} of ${d.schoolName} to ${deadline}.`,
          ...fill,
        ],
        f,
      );
    case 'returned':
      return compose(
        `${prefix}: returned for correction – ${d.schoolName}`,
        [
          hello,
          `The secretariat of ${org} returned version ${d.version ?? ''} of the accountability ${year} of ${d.schoolName} for correction:`,
          ...(d.comments ? [d.comments] : []),
          `Please submit the corrected accountability before ${deadline}.`,
          ...taskLink(d.taskUrl, 'Correct the accountability'),
        ],
        f,
      );
    case 'accepted': {
      const u = d.underspending;
      const outcome: Block[] = u
        ? [
            { rows: underspendingRows('en', u) },
            u.underspendingCents > 0
              ? `The underspending of ${formatEuro(u.underspendingCents)} is deducted from the allocation${d.allocationYear ? ` for ${d.allocationYear}` : ''}.`
              : 'There is no underspending.',
          ]
        : [];
      return compose(
        `${prefix}: accepted – ${d.schoolName}`,
        [
          hello,
          `The secretariat of ${org} accepted version ${d.version ?? ''} of the accountability ${year} of ${d.schoolName}.`,
          ...outcome,
        ],
        f,
      );
    }
    case 'waived':
      return compose(
        `${prefix}: waived – ${d.schoolName}`,
        [
          hello,
          `The secretariat of ${org} has waived the accountability ${year} for ${d.schoolName}. Nothing more needs to be submitted.`,
          ...(d.comments ? [`Reason: ${d.comments}`] : []),
        ],
        f,
      );
  }
}

export interface AccountabilityEscalationMailData {
  organisationName: string;
  recipientName: string;
  /** Why this person is told (docs/domain.md §2: the board and the school's ECT member). */
  role: 'bestuurder' | 'ect_member';
  schoolName: string;
  boardName: string;
  accountingYear: number;
  deadline: string;
  daysLate: number;
  /** The read-only page of the school's accountability ("Mijn scholen"). */
  schoolUrl?: string | null;
}

/** The deadline passed without a submission: to the board's bestuurder and the school's ECT member. */
export function renderAccountabilityEscalationMail(
  locale: Locale,
  d: AccountabilityEscalationMailData,
): RenderedMail {
  const org = d.organisationName;
  if (locale === 'en') {
    return compose(
      `[${org}] Accountability ${d.accountingYear} not submitted: ${d.schoolName}`,
      [
        `Dear ${d.recipientName},`,
        `${d.schoolName} has not submitted its accountability ${d.accountingYear} to ${org}. The deadline was ${formatInstant('en', d.deadline)}; the school is ${days('en', d.daysLate)} late.`,
        d.role === 'bestuurder'
          ? `As bestuurder of ${d.boardName}, please make sure the school submits as soon as possible.`
          : 'As the school’s ECT member, please discuss with the school’s support team how the accountability can be completed.',
        ...taskLink(d.schoolUrl ?? null, 'View the school’s accountability'),
      ],
      footer('en', org),
    );
  }
  return compose(
    `[${org}] Verantwoording ${d.accountingYear} niet ingeleverd: ${d.schoolName}`,
    [
      `Beste ${d.recipientName},`,
      `${d.schoolName} heeft de verantwoording ${d.accountingYear} niet bij ${org} ingeleverd. De deadline was ${formatInstant('nl', d.deadline)}; de school is ${days('nl', d.daysLate)} te laat.`,
      d.role === 'bestuurder'
        ? `Als bestuurder van ${d.boardName} vragen wij u erop toe te zien dat de school zo snel mogelijk inlevert.`
        : 'Als ECT-lid van de school vragen wij u met het ondersteuningsteam van de school te bespreken hoe de verantwoording alsnog rondkomt.',
      ...taskLink(d.schoolUrl ?? null, 'Bekijk de verantwoording van de school'),
    ],
    footer('nl', org),
  );
}

export interface ReviewRequestMailData {
  organisationName: string;
  recipientName: string;
  schoolName: string;
  accountingYear: number;
  version: number;
  daysLate: number;
  taskUrl: string | null;
}

/** A submission waits for review by the secretariat (accept or return for correction). */
export function renderReviewRequestMail(locale: Locale, d: ReviewRequestMailData): RenderedMail {
  const org = d.organisationName;
  if (locale === 'en') {
    return compose(
      `[${org}] Review accountability ${d.accountingYear}: ${d.schoolName} (version ${d.version})`,
      [
        `Dear ${d.recipientName},`,
        `${d.schoolName} submitted version ${d.version} of its accountability ${d.accountingYear}${d.daysLate > 0 ? `, ${days('en', d.daysLate)} late` : ''}.`,
        'Please review it: accept it, or return it for correction with what the school must correct.',
        ...taskLink(d.taskUrl, 'Review'),
      ],
      footer('en', org),
    );
  }
  return compose(
    `[${org}] Verantwoording ${d.accountingYear} beoordelen: ${d.schoolName} (versie ${d.version})`,
    [
      `Beste ${d.recipientName},`,
      `${d.schoolName} heeft versie ${d.version} van de verantwoording ${d.accountingYear} ingediend${d.daysLate > 0 ? `, ${days('nl', d.daysLate)} te laat` : ''}.`,
      'Beoordeel de verantwoording: accepteer haar, of stuur haar terug voor correctie met wat de school moet verbeteren.',
      ...taskLink(d.taskUrl, 'Beoordelen'),
    ],
    footer('nl', org),
  );
}
