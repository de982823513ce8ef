import { accountability } from './accountability';
import { budget } from './budget';
import { common } from './common';
import { results } from './results';
import { ect, supportPlan } from './cycles';
import { signIn } from './sign-in';
import { transition } from './transition';
import { visitation } from './visitation';
import type { mail as nl } from '../../nl/mail';

/** Every e-mail: sign-in and each cycle's. */
export const mail: typeof nl = {
  ...common,
  signIn,
  budget,
  accountability,
  supportPlan,
  ect,
  visitation,
  transition,
  results,
};
