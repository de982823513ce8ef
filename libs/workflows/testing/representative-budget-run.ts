import {
  closeRoundUpdate,
  extendDeadlineUpdate,
  remindNowSignal,
  adoptBudgetUpdate,
  submitRevisionUpdate,
} from '../src/budget/budget-cycle.messages';
import { escalationTime } from '@jaarcyclus/domain';
import { type BudgetHandle, type BudgetHarness, TIME } from './budget-harness';
import type { World } from './in-memory-budget-activities';

/**
 * A budget cycle that walks most of the workflow's paths, for the replay fixture: votes and a
 * changed vote, early decisions, a requested and planned reminders, a missed deadline with
 * escalation, an extension, a second miss closed by the secretariat, a revision, round 2
 * approved, adoption, waiting for the letters date, letters. Returns the completed handle.
 * `change` changes the sample SWV (e.g. its names) before the run.
 */
export async function representativeBudgetRun(
  h: BudgetHarness,
  change?: (w: World) => void,
): Promise<BudgetHandle> {
  const world = h.world(change);
  const { handle, deadline, lettersAt } = await startOnAMorning(h, world);

  // Round 1: RvT and OPR approve, the ALV lacks quorum.
  await h.vote(handle, 'p-rvt-1', 'rvt', 'against', 'Eerst de onderbouwing zien');
  await h.vote(handle, 'p-rvt-1', 'rvt', 'for');
  await h.vote(handle, 'p-rvt-2', 'rvt', 'for');
  await h.votes(handle, 'opr', { 'p-opr-1': 'for', 'p-opr-2': 'for', 'p-opr-3': 'for' });
  await h.vote(handle, 'p-alv-b', 'alv', 'for');
  await handle.signal(remindNowSignal, { actorPersonId: 'p-secr', bodyKey: 'alv' });
  await h.advanceBy(2 * TIME.HOUR);
  await h.advanceTo(deadline + TIME.HOUR);
  await h.waitFor(
    handle,
    (s) => s.bodies.find((b) => b.bodyKey === 'alv')?.status === 'escalated',
    'ALV escalated',
  );
  await h.advanceTo(escalationTime(new Date(deadline)).getTime() + TIME.HOUR);
  await h.waitFor(
    handle,
    (s) => s.bodies.find((b) => b.bodyKey === 'alv')?.escalationSentAt !== null,
    'escalation sent',
  );
  const extended = h.amsterdam(deadline, 7, 17);
  await handle.executeUpdate(extendDeadlineUpdate, {
    args: [{ actorPersonId: 'p-secr', bodyKey: 'alv', deadline: new Date(extended).toISOString() }],
  });
  await h.vote(handle, 'p-alv-c', 'alv', 'for');
  await h.advanceTo(extended + TIME.HOUR);
  await h.waitFor(
    handle,
    (s) => s.bodies.find((b) => b.bodyKey === 'alv')?.status === 'escalated',
    'ALV escalated again',
  );
  await handle.executeUpdate(closeRoundUpdate, {
    args: [{ actorPersonId: 'p-secr', bodyKey: 'alv' }],
  });
  await h.waitFor(handle, (s) => s.phase === 'rejected_awaiting_revision', 'round 1 rejected');

  // Round 2: a revised proposal, approved by all; adoption; letters on the letters date.
  await reviseApproveAndAdopt(h, handle, world, h.amsterdam(extended, 10, 17), lettersAt);
  return handle;
}

/**
 * A budget cycle whose first round the RvT rejects while the ALV and the OPR are still voting
 * (one ALV member has voted): both are cancelled and their members told so (patch
 * 'decision-round-cancelled-body-mails'); then as the representative run, a revision, round 2,
 * adoption and the letters. Returns the completed handle.
 */
export async function cancellingBudgetRun(h: BudgetHarness): Promise<BudgetHandle> {
  const world = h.world();
  const { handle, deadline, lettersAt } = await startOnAMorning(h, world);
  await h.vote(handle, 'p-alv-b', 'alv', 'for');
  await h.vote(handle, 'p-rvt-1', 'rvt', 'against');
  await h.vote(handle, 'p-rvt-2', 'rvt', 'against');
  await h.waitFor(handle, (s) => s.phase === 'rejected_awaiting_revision', 'round 1 rejected');
  await reviseApproveAndAdopt(h, handle, world, h.amsterdam(deadline, 5, 17), lettersAt);
  return handle;
}

/** The cycle started on an office morning: votes due 14 days on at 17:00, letters 45 days on. */
async function startOnAMorning(
  h: BudgetHarness,
  world: World,
): Promise<{ handle: BudgetHandle; deadline: number; lettersAt: number }> {
  const morning = await h.officeMorning(1);
  await h.advanceTo(morning);
  const deadline = h.amsterdam(morning, 14, 17);
  const lettersAt = h.amsterdam(morning, 45, 9);
  const handle = await h.startCycle(world, {
    voteDeadline: new Date(deadline).toISOString(),
    lettersDate: new Date(lettersAt).toISOString(),
  });
  return { handle, deadline, lettersAt };
}

/** From a rejected round to the letters: a revision, the next round approved by all, adoption. */
async function reviseApproveAndAdopt(
  h: BudgetHarness,
  handle: BudgetHandle,
  world: World,
  revisedDeadline: number,
  lettersAt: number,
): Promise<void> {
  const round = (await h.status(handle)).round;
  await handle.executeUpdate(submitRevisionUpdate, {
    args: [
      {
        actorPersonId: 'p-secr',
        proposal: { url: 'https://swv.example/begroting-v2.pdf', versionLabel: 'v2' },
        deadline: new Date(revisedDeadline).toISOString(),
      },
    ],
  });
  await h.roundOpened(handle, round + 1);
  await h.approveAll(handle, world);
  await h.waitFor(handle, (s) => s.phase === 'awaiting_adoption', 'awaiting adoption');
  await handle.executeUpdate(adoptBudgetUpdate, { args: [{ actorPersonId: 'p-dir' }] });
  await h.waitFor(handle, (s) => s.phase === 'awaiting_letters', 'awaiting letters');
  await h.advanceTo(lettersAt + TIME.HOUR);
  await handle.result();
}
