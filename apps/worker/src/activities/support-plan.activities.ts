/**
 * Activities of the support-plan decision (ondersteuningsplan): its read model, the adoption
 * task and the mail when consent is withheld, on top of the cycle kit. Its rounds use the
 * decision round's activities that the budget cycle registers (snapshotRoster, openBallots,
 * sendVoteReminders, sendEscalation): one implementation for every decision round.
 */
import { type CycleKitDeps, createCycleKit, defineCycle, refuse } from '@jaarcyclus/cycles';
import type { ProposalRef, SupportPlanActivities } from '@jaarcyclus/workflows';
import { renderConsentWithheldMail, renderSupportPlanAdoptionMail } from '../mail/cycles-templates';
import type { ProposalText } from '../mail/templates';

/** Read-model rows of kind 'support_plan'; the director adopts (members vote on 'vote' tasks of the round). */
export const SUPPORT_PLAN_CYCLE = defineCycle({ kind: 'support_plan', taskKinds: ['adopt'] });

export function createSupportPlanActivities(deps: CycleKitDeps): SupportPlanActivities {
  const kit = createCycleKit(SUPPORT_PLAN_CYCLE, deps);
  const { repos } = kit;
  // `support-plan:<organisationId>:<first>-<last>`: the cycle page is per period.
  const cycleUrl = (workflowId: string): string =>
    kit.url(`/app/cycles/support-plan/${workflowId.split(':').at(-1) ?? ''}`);
  const proposalText = (p: ProposalRef): ProposalText => ({
    versionLabel: p.versionLabel,
    link: p.url ?? (p.documentId ? kit.url(`/api/documents/${p.documentId}`) : null),
  });

  return {
    async publishSupportPlanState(input) {
      await kit.publishState(input);
    },

    async requestSupportPlanAdoption(input) {
      const [org, people] = await Promise.all([
        kit.organisationName(input.organisationId),
        kit.recipients(input.organisationId, [input.directorPersonId]),
      ]);
      const to = people.get(input.directorPersonId);
      if (!to) refuse('NOT_FOUND', `The directeur-bestuurder is not an active person of this SWV`);
      await kit.openTask({
        organisationId: input.organisationId,
        personId: to.id,
        workflowId: input.workflowId,
        kind: 'adopt',
        refKey: input.taskRefKey,
        title: `${input.subject} vaststellen`,
        dueAt: null,
        payload: {
          round: input.round,
          proposal: input.proposal,
          cycleUrl: cycleUrl(input.workflowId),
        },
      });
      await kit.deliver({
        organisationId: input.organisationId,
        idempotencyKeyPrefix: input.idempotencyKeyPrefix,
        to,
        mail: renderSupportPlanAdoptionMail(to.locale, {
          organisationName: org,
          recipientName: to.name,
          subject: input.subject,
          round: input.round,
          proposal: proposalText(input.proposal),
          approvals: input.approvals.map((a) => ({
            bodyName: a.name,
            decisionKind: a.decisionKind,
          })),
          cycleUrl: cycleUrl(input.workflowId),
        }),
      });
    },

    async notifySupportPlanConsentWithheld(input) {
      const secretariat = await repos.persons.activeWithRole(input.organisationId, 'secretariat');
      const ids = [...new Set([input.directorPersonId, ...secretariat.map((p) => p.id)])];
      const [org, recipients] = await Promise.all([
        kit.organisationName(input.organisationId),
        kit.recipients(input.organisationId, ids),
      ]);
      await kit.mailEach({
        organisationId: input.organisationId,
        idempotencyKeyPrefix: input.idempotencyKeyPrefix,
        to: ids,
        recipients,
        render: (person) =>
          renderConsentWithheldMail(person.locale, {
            organisationName: org,
            recipientName: person.name,
            subject: input.subject,
            bodyName: input.body.name,
            round: input.round,
            cycleUrl: cycleUrl(input.workflowId),
          }),
      });
    },
  };
}
