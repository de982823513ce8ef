import { cycles } from './cycles';
import { notice } from './notice';
import { refusal } from './refusal';
import { validation } from './validation';
import { visitation } from './visitation';
import type { messages as nl } from '../../nl/messages';

export const messages: typeof nl = { validation, refusal, notice, visitation, cycles };
