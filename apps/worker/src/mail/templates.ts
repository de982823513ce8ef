/**
 * Mail texts of the cycles, rendered separately from sending (the outbox sends). Dutch by
 * default, English for people whose locale is 'en'. Every mail names the SWV (tenant) and, when
 * there is something to do, links to the task in the web app. The words come from the text
 * catalogue (libs/i18n nl/mail, en/mail), amounts and dates from its formatting module
 * (€ 1.234,56; "12 december 2026 om 17:00"); this module lays them out.
 */
import type { DecisionKind } from '@jaarcyclus/domain';
import {
  catalogueFor,
  formatDate,
  formatDateTime,
  type Locale,
  type VoteMailArgs,
} from '@jaarcyclus/i18n';
import {
  adoptionSentence,
  allocationLetterContent,
  type Block,
  compose,
  type AllocationLetterData,
  type LetterDecision,
  type RenderedMail,
} from '@jaarcyclus/mail';

export { dutchArticle } from '@jaarcyclus/i18n';
export type { Locale, RenderedMail };

export { compose, type Block };

/** An instant as Amsterdam wall-clock time in the reader's language. */
export function formatInstant(locale: Locale, iso: string): string {
  return catalogueFor(locale).mail.instant(formatDateTime(locale, new Date(iso)));
}

export function formatDay(locale: Locale, iso: string): string {
  return formatDate(locale, new Date(iso));
}

export function footer(locale: Locale, organisationName: string): string {
  return catalogueFor(locale).mail.footer(organisationName);
}

export interface ProposalText {
  versionLabel: string;
  /** Where the proposal can be read, if anywhere. */
  link: string | null;
}

export interface BallotMailData {
  organisationName: string;
  recipientName: string;
  subject: string;
  round: number;
  bodyName: string;
  decisionKind: DecisionKind;
  proposal: ProposalText;
  deadline: string;
  taskUrl: string;
}

function voteArgs(locale: Locale, d: BallotMailData): VoteMailArgs {
  return {
    org: d.organisationName,
    subject: d.subject,
    body: d.bodyName,
    round: d.round,
    version: d.proposal.versionLabel,
    deadline: formatInstant(locale, d.deadline),
  };
}

export function renderBallotMail(locale: Locale, d: BallotMailData): RenderedMail {
  const mail = catalogueFor(locale).mail;
  const t = mail.budget;
  const a = voteArgs(locale, d);
  return compose(
    t.ballot.subject(a),
    [
      mail.greeting(d.recipientName),
      t.ballot.ask(a, t.decisionKind[d.decisionKind]),
      t.ballot.deadline(a),
      ...(d.proposal.link ? [{ link: d.proposal.link, label: t.ballot.readProposal }] : []),
      { link: d.taskUrl, label: t.ballot.vote },
    ],
    mail.footer(d.organisationName),
  );
}

export function renderReminderMail(locale: Locale, d: BallotMailData): RenderedMail {
  const mail = catalogueFor(locale).mail;
  const t = mail.budget;
  const a = voteArgs(locale, d);
  return compose(
    t.reminder.subject(a),
    [
      mail.greeting(d.recipientName),
      t.reminder.notVoted(a),
      { link: d.taskUrl, label: t.ballot.vote },
    ],
    mail.footer(d.organisationName),
  );
}

export interface EscalationMailData {
  organisationName: string;
  recipientName: string;
  role: 'chair' | 'secretariat';
  subject: string;
  round: number;
  bodyName: string;
  deadline: string;
  votedMembers: number;
  totalMembers: number;
  votedWeight: number;
  totalWeight: number;
  notVoted: string[];
  cycleUrl: string;
}

export function renderEscalationMail(locale: Locale, d: EscalationMailData): RenderedMail {
  const mail = catalogueFor(locale).mail;
  const t = mail.budget.escalation;
  const a = {
    org: d.organisationName,
    subject: d.subject,
    body: d.bodyName,
    round: d.round,
    deadline: formatInstant(locale, d.deadline),
    votedMembers: d.votedMembers,
    totalMembers: d.totalMembers,
    votedWeight: d.votedWeight,
    totalWeight: d.totalWeight,
  };
  return compose(
    t.subject(a),
    [
      mail.greeting(d.recipientName),
      t.passed(a),
      t.notVoted,
      { lines: d.notVoted },
      d.role === 'secretariat' ? t.toSecretariat : t.toChair,
      { link: d.cycleUrl, label: t.openCycle },
    ],
    mail.footer(d.organisationName),
  );
}

export interface AdoptionMailData {
  organisationName: string;
  recipientName: string;
  subject: string;
  round: number;
  proposal: ProposalText;
  approvals: { bodyName: string; decisionKind: DecisionKind }[];
  taskUrl: string;
}

export function renderAdoptionMail(locale: Locale, d: AdoptionMailData): RenderedMail {
  const mail = catalogueFor(locale).mail;
  const t = mail.budget.adoption;
  return compose(
    t.subject(d.organisationName, d.subject),
    [
      mail.greeting(d.recipientName),
      t.decided(d.subject, d.proposal.versionLabel, d.round),
      { lines: d.approvals.map((a) => t.decision(a.bodyName, a.decisionKind === 'instemming')) },
      t.adoptNow,
      { link: d.taskUrl, label: t.adopt },
    ],
    mail.footer(d.organisationName),
  );
}

export interface DisputeMailData {
  organisationName: string;
  recipientName: string;
  subject: string;
  bodyName: string;
  rounds: number[];
  cycleUrl: string;
}

export function renderDisputeMail(locale: Locale, d: DisputeMailData): RenderedMail {
  const mail = catalogueFor(locale).mail;
  const t = mail.budget.dispute;
  return compose(
    t.subject(d.organisationName, d.bodyName, d.subject),
    [
      mail.greeting(d.recipientName),
      t.withheld(d.bodyName, d.subject, d.rounds),
      t.revision,
      { link: d.cycleUrl, label: mail.budget.escalation.openCycle },
    ],
    mail.footer(d.organisationName),
  );
}

/** The allocation letter: its content is shared with the PDF (libs/mail allocation-letter). */
export { adoptionSentence, type AllocationLetterData, type LetterDecision };

/** `pdfUrl`: the letter in the web app, as a PDF to keep or print. */
export function renderAllocationLetter(
  locale: Locale,
  d: AllocationLetterData,
  pdfUrl: string,
): RenderedMail {
  const c = allocationLetterContent(locale, d);
  const t = catalogueFor(locale).mail.budget.letter;
  return compose(
    c.subject,
    [
      c.date,
      c.greeting,
      ...c.opening,
      { rows: c.rows },
      ...c.closing,
      t.pdf,
      { link: pdfUrl, label: t.openPdf },
    ],
    c.footer,
  );
}
