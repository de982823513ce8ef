import type { transition as nl } from '../../nl/messages/transition';

const PHASE: Record<string, string> = {
  orientation: 'orientation',
  consultation: 'consultation',
  decision: 'decision',
  handover: 'handover',
  execution: 'execution',
};
const phase = (p: string): string => PHASE[p] ?? p;

export const transition: typeof nl = {
  wrongPhase: (p: { phase: string }) =>
    `This step does not belong to the phase the case is in now (${phase(p.phase)}).`,
  caseClosed: () => 'This case is closed and can no longer be changed.',
  notYourStep: () => 'This step is not yours: another participant in the case takes it.',
  schoolAlreadyTried: (_: { field: string }) =>
    'This school has already decided not to proceed. Choose another school.',
  schoolIsVso: (_: { field: string }) => 'Choose a regular school, not the vso school itself.',
  noSchoolChosen: () => 'First choose a school of first preference together with the parents.',
  noConsent: () => 'The parents have not yet consented to sharing data with the chosen school.',
  researchPending: () => 'The further research is still under way. Complete it first.',
  noResearch: () => 'This case has no further research under way.',
  dateInFuture: (_: { field: string }) =>
    'This date lies in the future. Choose a date up to today.',
  dateNotAfterToday: (_: { field: string }) => 'Choose a date after today.',
  outOfRange: (p: { field: string; min: number; max: number }) =>
    `Choose a whole number from ${p.min} to ${p.max}.`,
  notAVsoSchool: (_: { field: string }) => 'Choose a vso school: a transition case starts in vso.',
  parentEmailTaken: (_: { field: string }) =>
    'This e-mail address belongs to another cooperation. Use another address of the parent.',
};
