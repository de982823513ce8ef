import { ForbiddenException } from '@nestjs/common';
import type { BodyRoundView } from '@jaarcyclus/workflows';
import type { AuthenticatedPerson } from '@jaarcyclus/api/auth/authenticated-person';
import { READ_ROLES } from '@jaarcyclus/api/auth/decorators';

/**
 * Who reads a decision cycle's page (the budget, the support plan): the office (READ_ROLES),
 * and the chair of one of the cycle's bodies, in any round, who follows the members' votes and
 * comments under the body's vote secrecy. Any other body member: 403.
 */
export function assertReadsCycle(
  me: AuthenticatedPerson,
  status: {
    bodies: readonly BodyRoundView[];
    rounds: readonly { bodies: readonly BodyRoundView[] }[];
  },
): void {
  if (me.roles.some((r) => (READ_ROLES as string[]).includes(r))) return;
  const chairs = [...status.bodies, ...status.rounds.flatMap((r) => r.bodies)].some(
    (b) => b.chair?.personId === me.id,
  );
  if (!chairs) throw new ForbiddenException();
}
