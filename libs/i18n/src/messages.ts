import { messages as en } from './en/messages';
import type { Locale } from './locale';
import { messages as nl } from './nl/messages';

/**
 * The refusal and validation texts alone (a part of each catalogue): what the domain and the
 * workflows need to name their refusals, without the web app's and the mails' texts in the
 * workflow bundle.
 */
export type MessageTexts = typeof nl;

export const MESSAGES: Readonly<Record<Locale, MessageTexts>> = { nl, en };
