import { csvImport, onboarding } from './csv-import';
import { governance } from './governance';
import { cycles } from './cycles';
import { notice } from './notice';
import { personPicker } from './person-picker';
import { refusal } from './refusal';
import { validation } from './validation';
import { visit } from './visit';
import { transition } from './transition';
import { visitation } from './visitation';

/**
 * Refusals and validation failures by code ('validation.tooLong', 'refusal.inUse'), and the
 * explanations of a visitation schedule ('visitation.TOO_FEW_CHAIRS'): the domain, the DTOs and
 * the workflows name the code and its parameters; the edge (a web page, the JSON api) writes the
 * text in its reader's language (text.ts).
 */
export const messages = {
  csvImport,
  onboarding,
  governance,
  cycles,
  notice,
  personPicker,
  refusal,
  validation,
  visit,
  transition,
  visitation,
};
