import { fraction, isHalf } from '../../web-types';
import type { admin as nl } from '../../nl/web/admin';

export const admin: typeof nl = {
  settingsTitle: 'Settings of the SWV',
  settingsIntro:
    'These settings apply to cycles started from now on; a running cycle keeps what it got at its start. Leave a field empty for the default.',
  budgetReminderDays: 'Reminders for budget votes (working days before the deadline)',
  accountabilityReminderDays: 'Reminders for the accountability (working days before the deadline)',
  reminderDaysHint: (defaults: string) =>
    `Numbers of working days, separated by commas. Leave empty: the default (${defaults}).`,
  oprDisputeRounds: 'Dispute with the OPR after this many rounds without consent',
  oprDisputeRoundsHint: (defaults: number) =>
    `The dispute then goes to the Commissie voor Geschillen. Leave empty: the default (${defaults}).`,
  settingsSaved: 'The settings have been saved.',
  adminTitle: 'Administration',
  adminSections: 'Sections',
  readOnlyNote: 'You can view this information. Only an administrator can change it.',
  boards: 'School boards',
  schools: 'Schools',
  people: 'People',
  bodies: 'Bodies',
  name: 'Name',
  pupilCount: 'Number of pupils',
  pupilCountHint: "The number of pupils is the board's vote weight in the general assembly (ALV).",
  bestuurder: 'Executive (bestuurder)',
  addBoard: 'Add school board',
  editBoard: 'Edit school board',
  boardAdded: (name) => `School board ‘${name}’ has been added.`,
  boardSaved: (name) => `The changes to ‘${name}’ have been saved.`,
  addSchool: 'Add school',
  editSchool: 'Edit school',
  schoolAdded: (name) => `School ‘${name}’ has been added.`,
  schoolSaved: (name) => `The changes to ‘${name}’ have been saved.`,
  school: 'School',
  chooseBoard: 'Choose a board',
  brinHint: 'Optional. Two digits and two letters, optionally a location number, such as 20AB.',
  locationsHint: 'The number of locations of the school, 1 or more.',
  fixedAmountHint:
    'The fixed yearly amount in euros, with a comma for the cents, such as 45.000,00. Regular schools only.',
  ectMemberHint: 'A person with the role ECT member.',
  addPerson: 'Add person',
  editPerson: 'Edit person',
  personAdded: (name) => `${name} has been added.`,
  personSaved: (name) => `The changes to ${name} have been saved.`,
  rolesHint: 'Choose every role this person has.',
  schoolOfPerson: 'School (for a school contact)',
  boardOfPerson: 'Board (that this person works for or represents)',
  activeHint: 'An inactive person cannot sign in and receives no tasks.',
  totalPupils: 'Total',
  board: 'Board',
  schoolKind: { regular: 'Regular', special: 'Special (vso)' },
  locations: 'Locations',
  fixedAmount: 'Fixed amount',
  ectMember: 'ECT member',
  brin: 'BRIN',
  email: 'Email address',
  roles: 'Roles',
  language: 'Language',
  active: 'Active',
  inactive: 'inactive',
  role: {
    admin: 'administrator',
    secretariat: 'secretariat',
    director: 'director (directeur-bestuurder)',
    body_member: 'member of a body',
    school_contact: 'school contact',
    ect_member: 'ECT member',
    parent: 'parent',
  },
  localeName: { nl: 'Dutch', en: 'English' },
  bodyKey: 'Key',
  decisionKind: { goedkeuring: 'approval', instemming: 'consent', advies: 'advice' },
  votingRule: 'Voting rule',
  chair: 'Chair',
  members: 'Members',
  noMembers: 'No members yet.',
  onBehalfOf: (board) => `on behalf of ${board}`,
  editBody: 'Edit body',
  bodySaved: (name) => `The changes to ‘${name}’ have been saved.`,
  memberAdded: (name) => `${name} has been added as a member.`,
  memberRemoved: 'The member has been removed.',
  weighting: 'Vote weight',
  weightingOption: {
    one_member_one_vote: 'One member, one vote',
    pupil_count: 'Weighted by the pupil count of the represented board',
  },
  quorumBasis: 'Quorum',
  quorumOption: {
    none: 'No quorum',
    members: 'A share of the members must vote',
    weight: 'A share of the vote weight must vote',
  },
  quorumNumerator: 'Quorum: numerator',
  quorumDenominator: 'Quorum: denominator',
  quorumFractionHint: 'The quorum as a fraction, e.g. 1 and 2 for half. Only needed with a quorum.',
  majorityBasis: 'Majority of',
  majorityOption: { votes_cast: 'The votes cast', all_members: 'All members' },
  majorityStrict: 'Threshold',
  strictOption: {
    true: 'More than the fraction (at 1/2: simple majority)',
    false: 'At least the fraction (at 1/1: unanimity)',
  },
  majorityNumerator: 'Majority: numerator',
  majorityDenominator: 'Majority: denominator',
  majorityFractionHint:
    'The majority as a fraction, e.g. 1 and 2 for half or 2 and 3 for two thirds.',
  abstentions: 'Abstentions',
  abstentionsOption: {
    excluded: 'Do not count',
    count_against: 'Count as votes cast (act as votes against)',
  },
  addMember: 'Add member',
  memberPerson: 'Person',
  choosePerson: 'Choose a person',
  memberBoard: 'On behalf of board',
  memberBoardHint: "Required: this body weighs votes by the board's pupil count.",
  removeMember: 'Remove',
  removeMemberLabel: (name) => `Remove ${name} as a member`,
  confirmRemoveMember: (name) => `Remove ${name} as a member of this body?`,
  describeVotingRule: (rule) => {
    const weighting =
      rule.weighting === 'pupil_count' ? 'weighted by pupil count' : 'one member, one vote';
    const quorum = !rule.quorum
      ? 'no quorum'
      : `quorum ${fraction(rule.quorum)} of the ${rule.quorum.basis === 'weight' ? 'weight' : 'members'}`;
    const base = rule.majority.basis === 'votes_cast' ? 'of the votes cast' : 'of all members';
    const majority =
      rule.majority.strict && isHalf(rule.majority)
        ? `simple majority ${base}`
        : `${rule.majority.strict ? 'more than' : 'at least'} ${fraction(rule.majority)} ${base}`;
    const abstentions =
      rule.abstentions === 'excluded'
        ? 'abstentions do not count'
        : 'abstentions count as votes cast';
    return `${weighting}, ${quorum}, ${majority}; ${abstentions}`;
  },
  del: {
    link: {
      boards: 'Delete this school board',
      schools: 'Delete this school',
      persons: 'Delete this person',
      bodies: 'Delete this body',
    },
    title: (name: string) => `Delete ${name}`,
    intro: {
      boards:
        'The school board disappears from the lists. This cannot be undone. A board with schools or people can only be deleted once those belong to another board or have been deleted themselves.',
      schools:
        'The school disappears from the lists. This cannot be undone. A school that already has an accountability, or that people are linked to, cannot be deleted.',
      persons:
        'The person can no longer sign in and disappears from the lists. This cannot be undone. Someone who has had tasks, is a member of a body or appears in a cycle’s history cannot be deleted.',
      bodies:
        'The body and its members disappear from the lists. This cannot be undone. Running cycles keep voting with the members they recorded when they started.',
    },
    confirm: 'Yes, delete permanently',
    refusedTitle: 'This cannot be deleted',
    personInstead:
      'Make the person inactive instead (untick ‘Active’ on the previous page): they can no longer sign in and get no more tasks or e-mails, and the history stays complete.',
    deleted: {
      boards: 'The school board has been deleted.',
      schools: 'The school has been deleted.',
      persons: 'The person has been deleted.',
      bodies: 'The body has been deleted.',
    },
  },
};
