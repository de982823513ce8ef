/**
 * Messages of a schakeltraject case. One Update for every step (the domain's moves): its
 * validator runs the domain's rules, so a refused step (wrong phase, wrong side, a school that
 * declined, no consent) leaves no trace in the history and the api answers 409/422 with the
 * rule. Authorisation (is this person on the case, and on which side) is the api's job; the
 * workflow checks the side against the phase.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  TransitionCaseView,
  TransitionMoveInput,
  TransitionMoveResult,
} from './transition.types';

export const takeTransitionStepUpdate = defineUpdate<TransitionMoveResult, [TransitionMoveInput]>(
  'takeTransitionStep',
);

export const getTransitionCaseQuery = defineQuery<TransitionCaseView>('getTransitionCase');
