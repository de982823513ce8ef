import { accountability } from './accountability';
import { budget } from './budget';
import { common } from './common';
import { signIn } from './sign-in';
import { transition } from './transition';

/** Every e-mail: sign-in, the budget cycle, the accountability. */
export const mail = { ...common, signIn, budget, accountability, transition };
