import type { errors as nl } from '../../nl/web/errors';

export const errors: typeof nl = {
  notFoundTitle: 'Not found',
  notFoundBody: 'This page does not exist, or you do not have access to it.',
  forbiddenTitle: 'No access',
  forbiddenBody: 'You do not have access to this page.',
  errorTitle: 'Something went wrong',
  errorBody:
    'Something went wrong on our side. Please try again later. If it keeps happening, contact the secretariat of your cooperation.',
  badRequestTitle: 'This request could not be processed',
  badRequestBody: 'Check what you entered or chose, and try again.',
  tooLargeTitle: 'This file is too large',
  tooLargeBody: (maxMb: number) =>
    `A proposal can be at most ${maxMb} MB. Go back and choose a smaller file, or enter a link to the proposal. You will need to fill in the other fields again.`,
  csrfTitle: 'Form expired',
  csrfBody:
    'The form could not be processed because it has expired. Go back, reload the page and try again.',
  unavailableTitle: 'Temporarily unavailable',
  unavailableBody:
    'Jaarcyclus cannot process this right now because a part of it is not reachable. Please try again in a minute. If it keeps happening, contact the secretariat of your cooperation.',
  toHome: 'Go to the start page',
};
