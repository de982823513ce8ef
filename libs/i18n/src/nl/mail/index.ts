import { accountability } from './accountability';
import { budget } from './budget';
import { common } from './common';
import { results } from './results';
import { ect, supportPlan } from './cycles';
import { signIn } from './sign-in';
import { transition } from './transition';
import { visitation } from './visitation';

/** Every e-mail: sign-in and each cycle's. */
export const mail = {
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
