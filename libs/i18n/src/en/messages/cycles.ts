import type { cycles as nl } from '../../nl/messages/cycles';

type F = { field: string };

export const cycles: typeof nl = {
  periodOverlaps: (p: { first: number; last: number }) =>
    `A support plan cycle for ${p.first}–${p.last} exists already. A plan runs four years; choose a period that starts after it.`,
  noDecidingBodies: (_: F) =>
    'Your SWV has no body with a right of consent or approval. Set up the bodies under Administration first.',
  notADecidingBody: (_: F) => 'Choose only bodies of your SWV that consent or approve.',
  notAwaitingReferral: () =>
    'A dispute can only be referred after the OPR has withheld its consent.',
  noOpenDispute: () => 'There is no referred dispute awaiting its ruling.',
  disputeUnresolved: () =>
    'The plan can only be adopted once the ruling of the Commissie voor Geschillen Medezeggenschap is recorded.',
  notTheDirector: () => 'Only the directeur-bestuurder of this cycle can adopt the support plan.',
  notReadyForAdoption: () => 'The plan can only be adopted once every body consented or approved.',
  alreadyAdopted: () => 'The support plan has been adopted already.',
  notARevisionMoment: () =>
    'A revised version can only be submitted after a rejection or withheld consent.',
  dateInvalid: (_: F) => 'Enter a date as dd-mm-yyyy.',
  dateInFuture: (_: F) => 'This date lies in the future.',
  outcomeInvalid: (_: F) => 'Choose a ruling from the list.',
  noSchoolsWithEct: (_: F) =>
    'No regular school has an ECT member. Link ECT members to schools under Administration first.',
  evaluationDeadlineOutsideAutumn: (_: F) =>
    'The evaluation takes place in October or November: choose a deadline in October, November or December of that year.',
  notYourSchool: () => 'You are not the ECT member of this school in this evaluation.',
  evaluationClosed: () => 'The evaluation of this school has been submitted or closed already.',
  evaluationTextRequired: (_: F) => 'Fill in this field.',
  evaluationTextTooLong: (p: F & { max: number }) => `Use at most ${p.max} characters.`,
};
