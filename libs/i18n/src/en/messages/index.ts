import { csvImport, onboarding } from './csv-import';
import { governance } from './governance';
import { notice } from './notice';
import { refusal } from './refusal';
import { validation } from './validation';
import { visitation } from './visitation';
import type { messages as nl } from '../../nl/messages';

export const messages: typeof nl = {
  validation,
  refusal,
  notice,
  visitation,
  csvImport,
  onboarding,
};
export const messages: typeof nl = { validation, refusal, notice, visitation, governance };
