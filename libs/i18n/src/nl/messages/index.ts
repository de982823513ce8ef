import { notice } from './notice';
import { refusal } from './refusal';
import { validation } from './validation';

/**
 * Refusals and validation failures by code ('validation.tooLong', 'refusal.inUse'): the
 * domain, the DTOs and the workflows name the code and its parameters; the edge (a web page, the
 * JSON api) writes the text in its reader's language (text.ts).
 */
export const messages = { validation, refusal, notice };
