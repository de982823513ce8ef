import { notice } from './notice';
import { refusal } from './refusal';
import { validation } from './validation';
import { transition } from './transition';
import { visitation } from './visitation';
import type { messages as nl } from '../../nl/messages';

export const messages: typeof nl = { validation, refusal, notice, visitation, transition };
