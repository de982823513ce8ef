/**
 * Mails of the support-plan decision and the autumn ECT evaluation: words from the catalogue
 * (libs/i18n nl/mail, en/mail: supportPlan, ect), laid out by `compose`.
 */
import type { DecisionKind } from '@jaarcyclus/domain';
import { catalogueFor, type EctMailArgs, type Locale } from '@jaarcyclus/i18n';
import { compose, formatInstant, type ProposalText, type RenderedMail } from './templates';

export function renderSupportPlanAdoptionMail(
  locale: Locale,
  d: {
    organisationName: string;
    recipientName: string;
    subject: string;
    round: number;
    proposal: ProposalText;
    approvals: { bodyName: string; decisionKind: DecisionKind }[];
    cycleUrl: string;
  },
): RenderedMail {
  const mail = catalogueFor(locale).mail;
  const t = mail.supportPlan.adoption;
  return compose(
    t.subject(d.organisationName, d.subject),
    [
      mail.greeting(d.recipientName),
      t.decided(d.subject, d.proposal.versionLabel, d.round),
      { lines: d.approvals.map((a) => t.decision(a.bodyName, a.decisionKind === 'instemming')) },
      t.adoptNow,
      { link: d.cycleUrl, label: t.adopt },
    ],
    mail.footer(d.organisationName),
  );
}

export function renderConsentWithheldMail(
  locale: Locale,
  d: {
    organisationName: string;
    recipientName: string;
    subject: string;
    bodyName: string;
    round: number;
    cycleUrl: string;
  },
): RenderedMail {
  const mail = catalogueFor(locale).mail;
  const t = mail.supportPlan.consentWithheld;
  return compose(
    t.subject(d.organisationName, d.bodyName, d.subject),
    [
      mail.greeting(d.recipientName),
      t.withheld(d.bodyName, d.subject, d.round),
      t.options,
      { link: d.cycleUrl, label: t.openCycle },
    ],
    mail.footer(d.organisationName),
  );
}

export interface EctMailData {
  organisationName: string;
  recipientName: string;
  schoolName: string;
  year: number;
  /** ISO instant. */
  deadline: string;
  formUrl: string;
}

function ectArgs(locale: Locale, d: EctMailData): EctMailArgs {
  return {
    org: d.organisationName,
    school: d.schoolName,
    year: d.year,
    deadline: formatInstant(locale, d.deadline),
  };
}

export function renderEctInvitationMail(locale: Locale, d: EctMailData): RenderedMail {
  const mail = catalogueFor(locale).mail;
  const t = mail.ect.invitation;
  const a = ectArgs(locale, d);
  return compose(
    t.subject(a),
    [mail.greeting(d.recipientName), t.ask(a), t.deadline(a), { link: d.formUrl, label: t.fill }],
    mail.footer(d.organisationName),
  );
}

export function renderEctReminderMail(locale: Locale, d: EctMailData): RenderedMail {
  const mail = catalogueFor(locale).mail;
  const a = ectArgs(locale, d);
  return compose(
    mail.ect.reminder.subject(a),
    [
      mail.greeting(d.recipientName),
      mail.ect.reminder.notReceived(a),
      { link: d.formUrl, label: mail.ect.invitation.fill },
    ],
    mail.footer(d.organisationName),
  );
}

export function renderEctOverdueMail(
  locale: Locale,
  d: {
    organisationName: string;
    recipientName: string;
    year: number;
    deadline: string;
    schools: string[];
    overviewUrl: string;
  },
): RenderedMail {
  const mail = catalogueFor(locale).mail;
  const t = mail.ect.overdue;
  return compose(
    t.subject(d.organisationName, d.year, d.schools.length),
    [
      mail.greeting(d.recipientName),
      t.passed(d.year, formatInstant(locale, d.deadline)),
      { lines: d.schools },
      { link: d.overviewUrl, label: t.overview },
    ],
    mail.footer(d.organisationName),
  );
}
