import { csvImport, onboarding } from './csv-import';
import { governance } from './governance';
import { cycles } from './cycles';
import { notice } from './notice';
import { personPicker } from './person-picker';
import { refusal } from './refusal';
import { validation } from './validation';
import { transition } from './transition';
import { visit } from './visit';
import { visitation } from './visitation';
import type { messages as nl } from '../../nl/messages';

export const messages: typeof nl = {
  csvImport,
  onboarding,
  governance,
  cycles,
  notice,
  personPicker,
  refusal,
  validation,
  transition,
  visit,
  visitation,
};
