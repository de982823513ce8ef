/** What the budget mails say about a vote (libs/i18n nl/mail, en/mail). Dates come formatted. */
export interface VoteMailArgs {
  org: string;
  subject: string;
  body: string;
  round: number;
  version: string;
  /** The deadline, formatted for the reader. */
  deadline: string;
}

export interface EscalationMailArgs extends Omit<VoteMailArgs, 'version'> {
  votedMembers: number;
  totalMembers: number;
  votedWeight: number;
  totalWeight: number;
}

/** What the mails to a school and about a school say (the 1 February accountability). */
export interface SchoolMailArgs {
  org: string;
  school: string;
  year: number;
  /** The school's current deadline, formatted for the reader. */
  deadline: string;
  daysLate: number;
  formatVersion: number;
  /** The submission version the mail is about (returned, accepted). */
  version?: number;
  /** The allocation year an underspending is deducted from. */
  allocationYear?: number;
}
