import { formatCalendarDate } from '../../format';
import type { visit as nl } from '../../nl/messages/visit';

// A date the workflow checked is 'YYYY-MM-DD'; anything else is written as it came.
const date = (d: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(String(d)) ? formatCalendarDate('en', d) : String(d);

export const visit: typeof nl = {
  notParticipant: () => 'You do not take part in this visit.',
  alreadyAnswered: () => 'You have already answered the date of this visit.',
  cancelled: () => 'This visit has been cancelled.',
  closed: () => 'This visit is closed.',
  notYourStep: (p: { step: string }) => `This step (${p.step}) is not yours.`,
  stepNotOpen: (p: { step: string }) => `This step (${p.step}) is not due yet.`,
  stepDone: (p: { step: string }) => `This step (${p.step}) is done already.`,
  unknownStep: () => 'Choose a step of the playbook.',
  dateNotBusinessDay: (p: { date: string }) =>
    `${date(p.date)} is no business day of this school (weekend, public holiday or school holiday).`,
  dateInPast: () => 'Choose a date in the future.',
  sameDate: () => 'The visit is on this date already.',
  cancelReason: () => 'Give the reason for the cancellation.',
  description: () => 'Describe the action (at most 1,000 characters).',
  ownerUnknown: () => 'Choose an owner from the visit or the secretariat.',
  dueDatePast: () => 'Choose a target date in the future.',
  unknownAction: () => 'This follow-up action does not exist.',
  actionDone: () => 'This follow-up action is done already.',
  notYourAction: () =>
    'Only the owner of this follow-up action or the secretariat can complete it.',
  nobodyOwes: (p: { step: string }) =>
    `Nobody still owes anything for this step (${p.step}): there is nobody to remind.`,
  checkNotDue: () => 'The follow-up check comes after the final report.',
  visitNotHeld: () => 'Follow-up actions come after the visit.',
  hostsRequired: () => 'Choose at least one host.',
  hostKind: () => 'Choose school, location or process.',
  personNotInTenant: () => 'Choose a person of your SWV.',
  nameRequired: () => 'Fill in a name.',
  hostWithoutContact: () => 'This host has no contact person: add one.',
  schoolNotInTenant: () => 'Choose a school of your SWV.',
  notInTeam: () => 'This visitor is not in the team of this visit.',
  unknownHost: () => 'Choose a host of this programme.',
  lockWhat: () => 'Choose what to lock: the whole visit, a visitor or a date.',
  notPublishable: () =>
    'You can publish once there is a proposal that meets every rule. Have a proposal made first.',
  published: () => 'This programme is published already; change the visits themselves.',
  noProposal: () => 'There is no proposal yet. Have a proposal made first.',
  unknownPartner: () => 'There is no SWV with this code.',
};
