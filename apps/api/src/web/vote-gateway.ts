import type { VoteValue } from '@jaarcyclus/domain';
import type { AuthenticatedPerson } from '../auth/authenticated-person';

/**
 * How the vote form reaches the budget cycle. The web app knows the task and the person; the
 * budget module knows which workflow and round the task belongs to and sends the vote there.
 *
 * The abstract class is the DI token (no string token). The budget module binds its
 * implementation by exporting it from a global module:
 *
 *   @Global()
 *   @Module({ providers: [{ provide: VoteGateway, useClass: BudgetVoteGateway }], exports: [VoteGateway] })
 *
 * Refusals (round closed, deadline passed, not a member, …) are thrown as DomainError; the vote
 * page shows the message next to the form. Anything else is an error page.
 */
export abstract class VoteGateway {
  abstract castVote(
    person: AuthenticatedPerson,
    taskId: string,
    value: VoteValue,
    comment: string | null,
  ): Promise<void>;
}
