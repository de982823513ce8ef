/**
 * Mail texts of the cycles, rendered separately from sending (the outbox sends). Dutch by
 * default, English for people whose locale is 'en'. Every mail names the SWV (tenant) and, when
 * there is something to do, links to the task in the web app. Amounts and Dutch dates come from
 * the domain's formatters (€ 1.234,56; "12 december 2026 om 17:00").
 */
import type { AllocationResult, BoardAllocation, DecisionKind } from '@jaarcyclus/domain';
import { formatCount, formatDate, formatDateTime, formatEuro } from '@jaarcyclus/i18n';

export type Locale = 'nl' | 'en';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Paragraphs; a paragraph given as string[] is a list. */
export type Block =
  string | { lines: string[] } | { link: string; label: string } | { rows: [string, string][] };

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function compose(subject: string, blocks: Block[], footer: string): RenderedMail {
  const text: string[] = [];
  const html: string[] = [];
  for (const b of blocks) {
    if (typeof b === 'string') {
      text.push(b);
      html.push(`<p>${escapeHtml(b)}</p>`);
    } else if ('lines' in b) {
      text.push(b.lines.map((l) => `- ${l}`).join('\n'));
      html.push(`<ul>${b.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`);
    } else if ('link' in b) {
      text.push(`${b.label}: ${b.link}`);
      html.push(`<p><a href="${escapeHtml(b.link)}">${escapeHtml(b.label)}</a></p>`);
    } else {
      const width = Math.max(...b.rows.map(([k]) => k.length));
      text.push(b.rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n'));
      html.push(
        `<table>${b.rows.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td style="text-align:right">${escapeHtml(v)}</td></tr>`).join('')}</table>`,
      );
    }
  }
  text.push(`--\n${footer}`);
  html.push(`<p style="color:#666">${escapeHtml(footer)}</p>`);
  return {
    subject,
    text: `${text.join('\n\n')}\n`,
    html: `<!doctype html><html><body style="font-family:sans-serif">${html.join('\n')}</body></html>`,
  };
}

/** An instant as Amsterdam wall-clock time in the reader's language. */
export function formatInstant(locale: Locale, iso: string): string {
  const at = formatDateTime(locale, new Date(iso));
  return locale === 'en' ? `${at} (Amsterdam time)` : at;
}

export function formatDay(locale: Locale, iso: string): string {
  return formatDate(locale, new Date(iso));
}

function decisionKindText(locale: Locale, kind: DecisionKind): string {
  const nl = { goedkeuring: 'goedkeuring', instemming: 'instemming', advies: 'advies' } as const;
  const en = {
    goedkeuring: 'approval (goedkeuring)',
    instemming: 'consent (instemming)',
    advies: 'advice (advies)',
  } as const;
  return (locale === 'nl' ? nl : en)[kind];
}

export function footer(locale: Locale, organisationName: string): string {
  return locale === 'nl'
    ? `Dit bericht is verstuurd door Jaarcyclus namens ${organisationName}.`
    : `This message was sent by Jaarcyclus on behalf of ${organisationName}.`;
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

export function renderBallotMail(locale: Locale, d: BallotMailData): RenderedMail {
  const proposal = (label: string): Block[] =>
    d.proposal.link ? [{ link: d.proposal.link, label }] : [];
  if (locale === 'en') {
    return compose(
      `[${d.organisationName}] Vote: ${d.subject} – ${d.bodyName} (round ${d.round})`,
      [
        `Dear ${d.recipientName},`,
        `${d.organisationName} asks the ${d.bodyName} for its ${decisionKindText(locale, d.decisionKind)} of "${d.subject}" (version ${d.proposal.versionLabel}, round ${d.round}).`,
        `Please vote before ${formatInstant(locale, d.deadline)}. You can change your vote until voting closes.`,
        ...proposal('Read the proposal'),
        { link: d.taskUrl, label: 'Cast your vote' },
      ],
      footer(locale, d.organisationName),
    );
  }
  return compose(
    `[${d.organisationName}] Stemming: ${d.subject} – ${d.bodyName} (ronde ${d.round})`,
    [
      `Beste ${d.recipientName},`,
      `${d.organisationName} vraagt de ${d.bodyName} om ${decisionKindText(locale, d.decisionKind)} van "${d.subject}" (versie ${d.proposal.versionLabel}, ronde ${d.round}).`,
      `Breng uw stem uit vóór ${formatInstant(locale, d.deadline)}. U kunt uw stem wijzigen zolang de stemming openstaat.`,
      ...proposal('Lees het voorstel'),
      { link: d.taskUrl, label: 'Stem nu' },
    ],
    footer(locale, d.organisationName),
  );
}

export function renderReminderMail(locale: Locale, d: BallotMailData): RenderedMail {
  if (locale === 'en') {
    return compose(
      `[${d.organisationName}] Reminder: vote on ${d.subject} before ${formatInstant(locale, d.deadline)}`,
      [
        `Dear ${d.recipientName},`,
        `You have not yet voted on "${d.subject}" (version ${d.proposal.versionLabel}) as a member of the ${d.bodyName}. Voting closes ${formatInstant(locale, d.deadline)}.`,
        { link: d.taskUrl, label: 'Cast your vote' },
      ],
      footer(locale, d.organisationName),
    );
  }
  return compose(
    `[${d.organisationName}] Herinnering: stem over ${d.subject} vóór ${formatInstant(locale, d.deadline)}`,
    [
      `Beste ${d.recipientName},`,
      `U hebt als lid van de ${d.bodyName} nog niet gestemd over "${d.subject}" (versie ${d.proposal.versionLabel}). De stemming sluit ${formatInstant(locale, d.deadline)}.`,
      { link: d.taskUrl, label: 'Stem nu' },
    ],
    footer(locale, d.organisationName),
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
  if (locale === 'en') {
    return compose(
      `[${d.organisationName}] Deadline passed without quorum: ${d.bodyName} – ${d.subject}`,
      [
        `Dear ${d.recipientName},`,
        `The vote of the ${d.bodyName} on "${d.subject}" (round ${d.round}) closed on ${formatInstant(locale, d.deadline)} without a quorum: ${formatCount(locale, d.votedMembers)} of ${formatCount(locale, d.totalMembers)} members voted (vote weight ${formatCount(locale, d.votedWeight)} of ${formatCount(locale, d.totalWeight)}).`,
        'Not voted:',
        { lines: d.notVoted },
        d.role === 'secretariat'
          ? 'The vote stays open until the secretariat extends the deadline or closes the vote.'
          : 'The secretariat will extend the deadline or close the vote.',
        { link: d.cycleUrl, label: 'Open the cycle' },
      ],
      footer(locale, d.organisationName),
    );
  }
  return compose(
    `[${d.organisationName}] Deadline verstreken zonder quorum: ${d.bodyName} – ${d.subject}`,
    [
      `Beste ${d.recipientName},`,
      `De stemming van de ${d.bodyName} over "${d.subject}" (ronde ${d.round}) is op ${formatInstant(locale, d.deadline)} verstreken zonder quorum: ${formatCount(locale, d.votedMembers)} van de ${formatCount(locale, d.totalMembers)} leden ${d.votedMembers === 1 ? 'heeft' : 'hebben'} gestemd (stemgewicht ${formatCount(locale, d.votedWeight)} van ${formatCount(locale, d.totalWeight)}).`,
      'Nog niet gestemd:',
      { lines: d.notVoted },
      d.role === 'secretariat'
        ? 'De stemming blijft open tot het secretariaat de deadline verlengt of de stemming sluit.'
        : 'Het secretariaat verlengt de deadline of sluit de stemming.',
      { link: d.cycleUrl, label: 'Open de cyclus' },
    ],
    footer(locale, d.organisationName),
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
  const lines = d.approvals.map((a) =>
    locale === 'nl'
      ? `${a.bodyName}: ${a.decisionKind === 'instemming' ? 'ingestemd' : 'goedgekeurd'}`
      : `${a.bodyName}: ${a.decisionKind === 'instemming' ? 'consented' : 'approved'}`,
  );
  if (locale === 'en') {
    return compose(
      `[${d.organisationName}] Adopt ${d.subject}`,
      [
        `Dear ${d.recipientName},`,
        `"${d.subject}" (version ${d.proposal.versionLabel}, round ${d.round}) has all required decisions:`,
        { lines },
        'As directeur-bestuurder you can now adopt it. After adoption, the allocation letters go to the school boards.',
        { link: d.taskUrl, label: 'Adopt' },
      ],
      footer(locale, d.organisationName),
    );
  }
  return compose(
    `[${d.organisationName}] ${d.subject} vaststellen`,
    [
      `Beste ${d.recipientName},`,
      `Voor "${d.subject}" (versie ${d.proposal.versionLabel}, ronde ${d.round}) zijn alle besluiten genomen:`,
      { lines },
      'Als directeur-bestuurder kunt u de begroting nu vaststellen. Daarna gaan de toekenningsbrieven naar de schoolbesturen.',
      { link: d.taskUrl, label: 'Vaststellen' },
    ],
    footer(locale, d.organisationName),
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
  const rounds = d.rounds.join(locale === 'nl' ? ', ' : ', ');
  if (locale === 'en') {
    return compose(
      `[${d.organisationName}] Dispute: ${d.bodyName} withholds consent on ${d.subject}`,
      [
        `Dear ${d.recipientName},`,
        `The ${d.bodyName} withheld its consent on "${d.subject}" in rounds ${rounds}. This is recorded as a dispute: the SWV submits it to the national Commissie voor Geschillen Medezeggenschap.`,
        'A revised proposal can still be put to the vote.',
        { link: d.cycleUrl, label: 'Open the cycle' },
      ],
      footer(locale, d.organisationName),
    );
  }
  return compose(
    `[${d.organisationName}] Geschil: ${d.bodyName} onthoudt instemming aan ${d.subject}`,
    [
      `Beste ${d.recipientName},`,
      `De ${d.bodyName} heeft in ronde ${rounds} de instemming met "${d.subject}" onthouden. Dit is vastgelegd als geschil: het samenwerkingsverband legt het voor aan de landelijke Commissie voor Geschillen Medezeggenschap.`,
      'Een herzien voorstel kan nog steeds ter stemming worden gebracht.',
      { link: d.cycleUrl, label: 'Open de cyclus' },
    ],
    footer(locale, d.organisationName),
  );
}

/** A body that decided on the budget, as the cycle recorded it. */
export interface LetterDecision {
  name: string;
  decisionKind: DecisionKind;
}

/**
 * The Dutch article of a body's name: "het" for names ending in a het-word that SWVs use for a
 * body (het Algemeen Bestuur, het Dagelijks Bestuur), "de" otherwise (de Raad van Toezicht,
 * de Ondersteuningsplanraad, de ALV).
 */
export function dutchArticle(name: string): 'de' | 'het' {
  return /\b(bestuur|orgaan|college|platform|overleg)$/i.test(name.trim()) ? 'het' : 'de';
}

function joinWith(items: string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)!}`;
}

/**
 * Who decided, in the letter's opening sentence: the bodies of the cycle by their own names,
 * so an SWV with an Algemeen Bestuur is not told its ALV approved.
 */
export function adoptionSentence(
  locale: Locale,
  organisationName: string,
  budgetYear: number,
  decisions: LetterDecision[],
): string {
  const approving = decisions.filter((d) => d.decisionKind === 'goedkeuring').map((d) => d.name);
  const consenting = decisions.filter((d) => d.decisionKind === 'instemming').map((d) => d.name);
  if (locale === 'en') {
    const the = (names: string[]): string =>
      joinWith(
        names.map((n) => `the ${n}`),
        'and',
      );
    const after = [
      ...(approving.length > 0 ? [`approval by ${the(approving)}`] : []),
      ...(consenting.length > 0 ? [`consent of ${the(consenting)}`] : []),
    ];
    const clauses =
      after.length === 2 && approving.length > 1 ? after.join(', and ') : after.join(' and ');
    return `The directeur-bestuurder has adopted the budget ${budgetYear} of ${organisationName}${after.length > 0 ? `, after ${clauses}` : ''}.`;
  }
  const nl = (names: string[]): string =>
    joinWith(
      names.map((n) => `${dutchArticle(n)} ${n}`),
      'en',
    );
  const na = [
    ...(approving.length > 0 ? [`goedkeuring door ${nl(approving)}`] : []),
    ...(consenting.length > 0 ? [`instemming van ${nl(consenting)}`] : []),
  ];
  // "… door de ALV en de RvT, en instemming van …": a comma keeps the two clauses apart.
  const clauses = na.length === 2 && approving.length > 1 ? na.join(', en ') : na.join(' en ');
  return `De directeur-bestuurder heeft de begroting ${budgetYear} van ${organisationName} vastgesteld${na.length > 0 ? `, na ${clauses}` : ''}.`;
}

export interface AllocationLetterData {
  organisationName: string;
  /** The bodies that approved or consented, in the cycle's order. */
  decisions: LetterDecision[];
  recipientName: string;
  budgetYear: number;
  /** ISO: the date of the letter. */
  date: string;
  board: BoardAllocation;
  reserve: AllocationResult['reserve'];
}

export function renderAllocationLetter(locale: Locale, d: AllocationLetterData): RenderedMail {
  const b = d.board;
  const en = locale === 'en';
  const rows: [string, string][] = [
    ...b.schools.map((s): [string, string] => [
      en ? `Fixed amount ${s.name}` : `Vast bedrag ${s.name}`,
      formatEuro(s.fixedAmountCents),
    ]),
    [
      en
        ? `Variable amount: ${formatCount(locale, b.pupilCount)} ${b.pupilCount === 1 ? 'pupil' : 'pupils'} × ${formatEuro(b.amountPerPupilCents)}`
        : `Variabel bedrag: ${formatCount(locale, b.pupilCount)} ${b.pupilCount === 1 ? 'leerling' : 'leerlingen'} × ${formatEuro(b.amountPerPupilCents)}`,
      formatEuro(b.variableCents),
    ],
    ...b.deductions.map((x): [string, string] => [
      en ? `Deduction (${x.reason})` : `Verrekening (${x.reason})`,
      formatEuro(-x.amountCents),
    ]),
    [en ? 'Total' : 'Totaal', formatEuro(b.totalCents)],
  ];
  const reserve: Block[] = d.reserve.warning
    ? [
        en
          ? `Reserve of the SWV (in Dutch, from the budget): ${d.reserve.warning}`
          : `Reserve van het samenwerkingsverband: ${d.reserve.warning}`,
      ]
    : [];
  if (en) {
    return compose(
      `[${d.organisationName}] Allocation ${d.budgetYear}: ${b.name}`,
      [
        `${formatDay(locale, d.date)}`,
        `Dear ${d.recipientName},`,
        adoptionSentence(locale, d.organisationName, d.budgetYear, d.decisions),
        `${b.name} receives the following funds for the calendar year ${d.budgetYear}:`,
        { rows },
        ...reserve,
        `The board accounts for the use of these funds by 1 February of the following year.`,
      ],
      footer(locale, d.organisationName),
    );
  }
  return compose(
    `[${d.organisationName}] Toekenning middelen ${d.budgetYear}: ${b.name}`,
    [
      `${formatDay(locale, d.date)}`,
      `Beste ${d.recipientName},`,
      adoptionSentence(locale, d.organisationName, d.budgetYear, d.decisions),
      `${b.name} ontvangt in kalenderjaar ${d.budgetYear} de volgende middelen:`,
      { rows },
      ...reserve,
      `Het bestuur verantwoordt de inzet van deze middelen uiterlijk 1 februari van het volgende jaar.`,
    ],
    footer(locale, d.organisationName),
  );
}
