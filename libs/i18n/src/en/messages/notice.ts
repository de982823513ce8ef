import { formatBasisPoints as bp, formatEuro as euro } from '../../format';
import type { notice as nl } from '../../nl/messages/notice';

export const notice: typeof nl = {
  signInLinkSent: () => 'If this address belongs to an account, a sign-in link has been sent.',
  reserveBelowTarget: (p) =>
    `Equity (${bp(p.equity)} of turnover) is below the target of ${bp(p.target)}. ` +
    `The shortfall of ${euro(p.shortfall)} is made up by lowering the amount per pupil by ${euro(p.reduction)}.` +
    (p.recovered < p.recovery
      ? ` This year that makes up only ${euro(p.recovered)} of the intended ${euro(p.recovery)}; further measures are needed.`
      : ''),
  reserveAboveCeiling: (p) =>
    `Equity (${bp(p.equity)} of turnover) is above the signal value of the ministry (OCW, ${bp(p.ceiling)}). ` +
    'Consider spending the extra funds on the schools.',
};
