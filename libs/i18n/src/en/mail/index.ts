import { accountability } from './accountability';
import { budget } from './budget';
import { common } from './common';
import { ect, supportPlan } from './cycles';
import { signIn } from './sign-in';
import { visitation } from './visitation';
import type { mail as nl } from '../../nl/mail';

export const mail: typeof nl = { ...common, signIn, budget, accountability, supportPlan, ect };
export const mail: typeof nl = { ...common, signIn, budget, accountability, visitation };
import { transition } from './transition';
import type { mail as nl } from '../../nl/mail';

export const mail: typeof nl = { ...common, signIn, budget, accountability, transition };
