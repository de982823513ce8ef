import { accountability } from './accountability';
import { budget } from './budget';
import { common } from './common';
import { ect, supportPlan } from './cycles';
import { signIn } from './sign-in';
import { visitation } from './visitation';

/** Every e-mail: sign-in, the budget cycle, the accountability. */
export const mail = { ...common, signIn, budget, accountability, supportPlan, ect };
export const mail = { ...common, signIn, budget, accountability, visitation };
import { transition } from './transition';

/** Every e-mail: sign-in, the budget cycle, the accountability. */
export const mail = { ...common, signIn, budget, accountability, transition };
