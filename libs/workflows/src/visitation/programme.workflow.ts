/**
 * visitationProgrammeWorkflow — the publish of a visitatieprogramma (docs/domain.md §3): starts
 * one visitWorkflow per published visit. Workflow id `visitation:<organisationId>:<programmeId>`.
 *
 * The visits are started by an activity in batches, as independent workflows (not children):
 * a programme of a joint region has hundreds of visits and a parent may hold at most 2,000
 * pending children; an independent visit also outlives a reset of the programme. Each start
 * uses the visit's business-key id, so a retried batch finds the visits it started already.
 */
import { proxyActivities } from '@temporalio/workflow';
import type {
  StartVisitWorkflowsResult,
  VisitationProgrammeActivities,
  VisitationProgrammeInput,
  VisitationProgrammeResult,
} from './visitation.types';

export const DEFAULT_VISIT_START_BATCH = 100;

export async function visitationProgrammeWorkflow(
  input: VisitationProgrammeInput,
): Promise<VisitationProgrammeResult> {
  const acts = proxyActivities<VisitationProgrammeActivities>({
    startToCloseTimeout: '5 minutes',
    retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
  });
  const limit = input.batchSize ?? DEFAULT_VISIT_START_BATCH;
  let started = 0;
  let after: string | null = null;
  for (;;) {
    const batch: StartVisitWorkflowsResult = await acts.startVisitWorkflows({
      organisationId: input.organisationId,
      programmeId: input.programmeId,
      afterVisitId: after,
      limit,
    });
    started += batch.started;
    if (batch.lastVisitId === null) break;
    after = batch.lastVisitId;
  }
  return { started };
}
