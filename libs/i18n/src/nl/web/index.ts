import { accountability } from './accountability';
import { accountabilityFormat } from './accountability-format';
import { accountabilityOffice } from './accountability-office';
import { admin } from './admin';
import { adminLists } from './admin-lists';
import { budgetCycle } from './budget-cycle';
import { calendar } from './calendar';
import { common } from './common';
import { cycles } from './cycles';
import { errors } from './errors';
import { csvImportPage } from './import';
import { governance } from './governance';
import { newCycles } from './new-cycles';
import { office } from './office';
import { journeys } from './journeys';
import { signIn } from './sign-in';
import { tasks } from './tasks';
import { visitation } from './visitation';
import { transitions } from './transitions';
import { transitionAdmin } from './transition-admin';
import { trust } from './trust';
import { vote } from './vote';
import { voteSecrecy } from './vote-secrecy';

/** Every text of the web app, by area. */
export const web = {
  ...common,
  ...signIn,
  ...tasks,
  ...vote,
  ...admin,
  ...adminLists,
  ...calendar,
  ...cycles,
  ...budgetCycle,
  ...errors,
  ...accountability,
  ...accountabilityFormat,
  ...accountabilityOffice,
  ...csvImportPage,
  ...governance,
  ...newCycles,
  ...visitation,
  ...transitions,
  ...transitionAdmin,
  ...journeys,
  ...trust,
  ...office,
  ...voteSecrecy,
};
