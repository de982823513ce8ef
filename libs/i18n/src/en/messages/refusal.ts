import type { refusal as nl } from '../../nl/messages/refusal';

/** The JSON api's own words. Dates stay ISO instants, as a client reads them. */
export const refusal: typeof nl = {
  exists: (p) => `${p.field ?? 'Record'} already exists`,
  inUse: (p) => `Still in use${p.table ? ` by ${p.table} records` : ''}: remove those first`,
  noSuchRecord: (p) =>
    `${p.field ?? 'A reference'} does not refer to an existing record of this organisation`,
  notInTenant: (p) => `${p.field} does not refer to ${p.what} of this organisation`,
  lastAdmin: () => 'The organisation must keep at least one active person with the role admin',
  schoolOfOtherBoard: (p) => `${p.field} refers to a school of another board than boardId`,
  schoolContactNeedsSchool: (p) =>
    `${p.field} is required for a person with the role school_contact`,
  specialSchoolFixedAmount: (p) =>
    `A special school receives no fixed amount: ${p.field} must be 0`,
  ectMemberRole: (_) => 'The ECT member of a school must have the role ect_member',
  weighNeedsBoards: () =>
    'Votes can only weigh by pupil count when every member represents a board: set boardId on every member first',
  memberNeedsBoard: (p) =>
    `${p.field} is required: this body weighs votes by the pupil count of the represented board`,
  boardRepresented: () => 'This board is already represented in this body',
  strictUnanimity: () => 'A strict majority of 100% can never be reached',
  fileMissing: () => 'file is required (multipart field "file")',
  fileType: (p) => `file must be a PDF, Word, Excel or OpenDocument file (got ${p.type})`,
  fileTooLarge: (p) => `file is larger than ${p.megabytes} MB`,
  fileEmpty: () => 'file is empty',
  fileContent: (p) => `file content does not match its type (sent as ${p.type})`,
  notADirector: (p) =>
    `${p.field} must be an active person with role director in this organisation`,
  noDirector: () =>
    'This organisation has no active directeur-bestuurder (role director); add one first',
  severalDirectors: () =>
    'This organisation has several directors; choose one with directorPersonId',
  proposalSource: () => 'proposal needs a documentId (uploaded document) or a url',
  proposalDocument: () => 'proposal.documentId is not a document of this organisation',
  proposalRequired: () => 'A proposal is required',
  proposalVersion: () => 'The proposal needs a version label',
  proposalSourceRequired: () => 'The proposal needs a document id or a URL',
  voteDeadlinePast: () => 'The vote deadline must be in the future',
  cycleExists: () => 'This cycle has already run for that year',
  cycleFinished: () => 'This cycle has finished; it no longer accepts changes',
  unavailable: () =>
    'Jaarcyclus cannot process this right now because a part of it is not reachable. Please try again in a minute.',
  unknownBody: (p) => `Body '${p.body}' does not vote in this round`,
  votingClosed: (p) => `Voting of ${p.body} in this round is closed (${p.status})`,
  notOpenYetRetry: () => 'Voting has not opened yet; try again in a moment',
  notOpenYet: () => 'Voting has not opened yet',
  memberOfOtherBody: (p) => `This person is a member of ${p.other}, not of ${p.body}`,
  notAMember: (p) => `This person is not a member of ${p.body} in this round`,
  votingDeadlinePassed: (p) => `The deadline of ${p.body} (${p.deadline}) has passed`,
  newDeadlinePast: () => 'The new deadline must be in the future',
  deadlinePast: () => 'The deadline must be in the future',
  deadlineNotLaterThanBody: (p) =>
    `The new deadline must be later than the current one of ${p.body} (${p.current})`,
  noBodyVoting: () => 'No body of this round is still voting',
  nothingEscalated: () =>
    'No body has passed its deadline without quorum; a round can only be closed after escalation',
  stillVoting: (p) =>
    `${p.body} is still voting until ${p.until}; it can be closed only after its deadline passed without quorum`,
  revisionNotAfterRejection: (p) =>
    `A revision can only be submitted after a rejection; round ${p.round} is ${p.status}`,
  cycleDeadlinePassed: (p) =>
    `The cycle's vote deadline (${p.deadline}) has passed: give the new round a deadline`,
  notTheDirector: () => 'Only the directeur-bestuurder of this cycle can adopt the budget',
  alreadyAdopted: () => 'The budget has already been adopted',
  notReadyForAdoption: () =>
    'The budget can be adopted only after ALV and RvT approved and the OPR consented',
  noRegularSchools: (_) => 'This SWV has no regular schools',
  notARegularSchool: (p) => `${p.field} does not refer to a regular school of this organisation`,
  schoolTwice: (p) => `${p.field} is listed twice`,
  accountabilityDeadlinePassed: () => 'The deadline has passed',
  accountabilityAccepted: () => 'The accountability of this school has been accepted',
  accountabilityWaived: () => 'The accountability of this school has been waived for this year',
  acceptedFinal: () =>
    'The accountability of this school has been accepted; it can no longer change',
  waivedFinal: () =>
    'The accountability of this school has been waived for this year; it can no longer change',
  submissionHandled: () =>
    'This submission was already handled; a correction is submitted as a new submission',
  waitingForReview: (p) => `Version ${p.version} is waiting for review by the secretariat`,
  tooManySignIns: (p) => `Too many sign-in requests; try again in ${p.minutes} minutes`,
  tooManyVersions: (p) => `At most ${p.max} versions per school; contact the secretariat`,
  returnNeedsComments: () => 'Say what the school must correct when returning a submission',
  replyNoComments: () => 'There is no comment of the secretariat to reply to yet',
  replyText: (p) => `Write your reply; it may be at most ${p.max} characters long`,
  nothingToReview: (p) => `There is no submission waiting for review (status ${p.status})`,
  otherVersionCurrent: (p) =>
    `Version ${p.reviewed} was reviewed, but version ${p.current} is the current one`,
  extensionPast: () => 'The new deadline must lie in the future',
  extensionNotLater: (p) => `The new deadline must be later than the current one (${p.current})`,
  extensionTooFar: (p) => `The new deadline may be at most ${p.days} days ahead`,
  waiverReason: () => 'A reason is required to waive a school',
  formatConflict: (p) =>
    `Version ${p.latest} was published after version ${p.base}, which this one was edited from; look at version ${p.latest} first`,
};
