import { accountability } from './accountability';
import { budget } from './budget';
import { common } from './common';
import { signIn } from './sign-in';
import { transition } from './transition';
import type { mail as nl } from '../../nl/mail';

export const mail: typeof nl = { ...common, signIn, budget, accountability, transition };
