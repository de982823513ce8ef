import type { trust as nl } from '../../nl/web/trust';

export const trust: typeof nl = {
  tooManyTitle: 'Too many requests',
  tooManyBody: (minutes: number) =>
    `Too many sign-in requests were made from this address or for this e-mail address. Please try again in ${minutes} minutes. A sign-in link you already received still works.`,
};
