import type { common as nl } from '../../nl/mail/common';

export const common: typeof nl = {
  greeting: (name) => `Dear ${name},`,
  footer: (org) => `This message was sent by Jaarcyclus on behalf of ${org}.`,
  instant: (dateTime) => `${dateTime} (Amsterdam time)`,
  days: (n) => (n === 1 ? '1 day' : `${n} days`),
};
