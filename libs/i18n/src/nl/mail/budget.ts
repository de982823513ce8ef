import { formatCount, formatCounted } from '../../format';
import type { EscalationMailArgs, VoteMailArgs } from '../../mail-types';

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

/** The December budget: the vote, its reminders and escalation, adoption, a dispute, the letters. */
export const budget = {
  decisionKind: { goedkeuring: 'goedkeuring', instemming: 'instemming', advies: 'advies' },
  ballot: {
    subject: (a: VoteMailArgs) =>
      `[${a.org}] Stemming: ${a.subject} – ${a.body} (ronde ${a.round})`,
    ask: (a: VoteMailArgs, decision: string) =>
      `${a.org} vraagt de ${a.body} om ${decision} van "${a.subject}" (versie ${a.version}, ronde ${a.round}).`,
    deadline: (a: VoteMailArgs) =>
      `Breng uw stem uit vóór ${a.deadline}. U kunt uw stem wijzigen zolang de stemming openstaat.`,
    readProposal: 'Lees het voorstel',
    vote: 'Stem nu',
  },
  reminder: {
    subject: (a: VoteMailArgs) =>
      `[${a.org}] Herinnering: stem over ${a.subject} vóór ${a.deadline}`,
    notVoted: (a: VoteMailArgs) =>
      `U hebt als lid van de ${a.body} nog niet gestemd over "${a.subject}" (versie ${a.version}). De stemming sluit ${a.deadline}.`,
  },
  escalation: {
    subject: (a: EscalationMailArgs) =>
      `[${a.org}] Deadline verstreken zonder quorum: ${a.body} – ${a.subject}`,
    passed: (a: EscalationMailArgs) =>
      `De stemming van de ${a.body} over "${a.subject}" (ronde ${a.round}) is op ${a.deadline} verstreken zonder quorum: ${formatCount('nl', a.votedMembers)} van de ${formatCount('nl', a.totalMembers)} leden ${a.votedMembers === 1 ? 'heeft' : 'hebben'} gestemd (stemgewicht ${formatCount('nl', a.votedWeight)} van ${formatCount('nl', a.totalWeight)}).`,
    notVoted: 'Nog niet gestemd:',
    toSecretariat:
      'De stemming blijft open tot het secretariaat de deadline verlengt of de stemming sluit.',
    toChair: 'Het secretariaat verlengt de deadline of sluit de stemming.',
    openCycle: 'Open de cyclus',
  },
  adoption: {
    subject: (org: string, subject: string) => `[${org}] ${subject} vaststellen`,
    decided: (subject: string, version: string, round: number) =>
      `Voor "${subject}" (versie ${version}, ronde ${round}) zijn alle besluiten genomen:`,
    decision: (body: string, consented: boolean) =>
      `${body}: ${consented ? 'ingestemd' : 'goedgekeurd'}`,
    adoptNow:
      'Als directeur-bestuurder kunt u de begroting nu vaststellen. Daarna gaan de toekenningsbrieven naar de schoolbesturen.',
    adopt: 'Vaststellen',
  },
  dispute: {
    subject: (org: string, body: string, subject: string) =>
      `[${org}] Geschil: ${body} onthoudt instemming aan ${subject}`,
    withheld: (body: string, subject: string, rounds: number[]) =>
      `De ${body} heeft in ronde ${rounds.join(', ')} de instemming met "${subject}" onthouden. Dit is vastgelegd als geschil: het samenwerkingsverband legt het voor aan de landelijke Commissie voor Geschillen Medezeggenschap.`,
    revision: 'Een herzien voorstel kan nog steeds ter stemming worden gebracht.',
  },
  letter: {
    subject: (org: string, year: number, board: string) =>
      `[${org}] Toekenning middelen ${year}: ${board}`,
    /** Who decided, by the bodies' own names: an SWV with an Algemeen Bestuur is not told its ALV approved. */
    adopted: (org: string, year: number, approving: string[], consenting: string[]) => {
      const names = (list: string[]): string =>
        joinWith(
          list.map((n) => `${dutchArticle(n)} ${n}`),
          'en',
        );
      const after = [
        ...(approving.length > 0 ? [`goedkeuring door ${names(approving)}`] : []),
        ...(consenting.length > 0 ? [`instemming van ${names(consenting)}`] : []),
      ];
      // "… door de ALV en de RvT, en instemming van …": a comma keeps the two clauses apart.
      const clauses =
        after.length === 2 && approving.length > 1 ? after.join(', en ') : after.join(' en ');
      return `De directeur-bestuurder heeft de begroting ${year} van ${org} vastgesteld${after.length > 0 ? `, na ${clauses}` : ''}.`;
    },
    receives: (board: string, year: number) =>
      `${board} ontvangt in kalenderjaar ${year} de volgende middelen:`,
    fixedAmount: (school: string) => `Vast bedrag ${school}`,
    variableAmount: (pupils: number, perPupil: string) =>
      `Variabel bedrag: ${formatCounted('nl', pupils, 'leerling', 'leerlingen')} × ${perPupil}`,
    deduction: (reason: string) => `Verrekening (${reason})`,
    total: 'Totaal',
    reserve: (warning: string) => `Reserve van het samenwerkingsverband: ${warning}`,
    /** A warning the budget recorded in Dutch only. */
    reserveInDutch: (warning: string) => `Reserve van het samenwerkingsverband: ${warning}`,
    accountFor:
      'Het bestuur verantwoordt de inzet van deze middelen uiterlijk 1 februari van het volgende jaar.',
    pdf: 'U vindt deze brief ook in Jaarcyclus, als pdf om te bewaren of af te drukken.',
    openPdf: 'Open de brief als pdf',
  },
};
