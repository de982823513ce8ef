/**
 * What the domain and the workflows use: the languages, formatting, and refusals by code.
 * Small on purpose (no page or mail texts): the workflow bundle includes it.
 */
export * from './locale';
export * from './format';
export { CHECKS, LABELS } from './messages';
export type { FormatMessages, SubmissionMessages, VisitationInputMessages } from './check-types';
export {
  codedText,
  englishText,
  isCodedText,
  renderText,
  type CodedText,
  type TextArgs,
  type TextCode,
  type TextParam,
  type TextParams,
} from './text';
