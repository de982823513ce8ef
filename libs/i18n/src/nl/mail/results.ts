import { formatCount } from '../../format';

/** What the mail with a body's outcome says (issue #16, results). */
export interface ResultMailArgs {
  org: string;
  subject: string;
  body: string;
  round: number;
}

/** The outcome of a body's vote, to each of its members. */
export const results = {
  subject: (a: ResultMailArgs) => `[${a.org}] Uitslag: ${a.subject} – ${a.body}`,
  /** By decision kind and result: what the body did with the proposal. */
  outcome: {
    goedkeuring: {
      approved: (a: ResultMailArgs) =>
        `De ${a.body} heeft "${a.subject}" goedgekeurd (ronde ${a.round}).`,
      rejected: (a: ResultMailArgs) =>
        `De ${a.body} heeft "${a.subject}" niet goedgekeurd (ronde ${a.round}).`,
    },
    instemming: {
      approved: (a: ResultMailArgs) =>
        `De ${a.body} heeft ingestemd met "${a.subject}" (ronde ${a.round}).`,
      rejected: (a: ResultMailArgs) =>
        `De ${a.body} heeft de instemming met "${a.subject}" onthouden (ronde ${a.round}).`,
    },
    advies: {
      approved: (a: ResultMailArgs) =>
        `De ${a.body} heeft positief geadviseerd over "${a.subject}" (ronde ${a.round}).`,
      rejected: (a: ResultMailArgs) =>
        `De ${a.body} heeft negatief geadviseerd over "${a.subject}" (ronde ${a.round}).`,
    },
    no_quorum: (a: ResultMailArgs) =>
      `De stemming van de ${a.body} over "${a.subject}" (ronde ${a.round}) is gesloten zonder quorum: er is geen besluit.`,
  },
  decidedBy: {
    votes:
      'De uitgebrachte stemmen beslissen: de uitkomst kan niet meer veranderen, ook niet door wie nog niet had gestemd.',
    deadline: 'De stemming sloot op de deadline.',
    secretariat: 'Het secretariaat heeft de stemming gesloten.',
  },
  tally: (forWeight: number, against: number, abstain: number, voted: number, total: number) =>
    `Stemgewicht voor ${formatCount('nl', forWeight)}, tegen ${formatCount('nl', against)}, onthouding ${formatCount('nl', abstain)}; ${formatCount('nl', voted)} van de ${formatCount('nl', total)} leden ${voted === 1 ? 'heeft' : 'hebben'} gestemd.`,
  ownVote: {
    for: 'U stemde voor.',
    against: 'U stemde tegen.',
    abstain: 'U onthield zich van stemming.',
  },
  notVoted: 'U heeft niet gestemd; uw taak is vervallen.',
  open: 'Bekijk de uitslag',
  /** A body whose vote ended because another body rejected the proposal (or closed without quorum). */
  cancelled: {
    subject: (a: ResultMailArgs) => `[${a.org}] Stemming beëindigd: ${a.subject} – ${a.body}`,
    ended: (a: ResultMailArgs) =>
      `Daarmee is de stemming van de ${a.body} in ronde ${a.round} beëindigd: een besluit van de ${a.body} is niet meer nodig. Volgt er een nieuwe ronde, dan krijgt u opnieuw een uitnodiging.`,
    notVoted: 'U had nog niet gestemd; uw taak is vervallen.',
    open: 'Bekijk de stemming',
  },
};
