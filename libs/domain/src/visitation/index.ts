export {
  type HostKind,
  type Schedule,
  type ScheduleLock,
  type ScheduledVisit,
  type TeamRole,
  type TeamSeat,
  type VisitWindow,
  type VisitationHost,
  type VisitationInstance,
  type VisitationKind,
  type Visitor,
  HOST_KINDS,
  VISITATION_KINDS,
} from './types';
export {
  type LockProblem,
  type VisitationExplanation,
  type VisitationExplanationCode,
  INFEASIBILITY_CODES,
  explain,
  explanationText,
} from './explanations';
export { checkSchedule } from './checker';
export {
  type ScheduleScore,
  expectedVisits,
  hostVisitDays,
  loadCost,
  loadLowerBound,
  scoreSchedule,
  visitorCapacity,
  weekOf,
} from './score';
export { countingChecks, mayVisit } from './feasibility';
export { VISITATION_LIMITS, validateInstance } from './validate';
export { lockVisit, moveVisit, replaceVisitor, swapVisitors } from './adjust';
export {
  type Playbook,
  type PlaybookStep,
  type VisitCalendar,
  type VisitStepKey,
  type VisitStepOwner,
  DEFAULT_PLAYBOOKS,
  REPORT_STEPS,
  VISIT_DUE_HOUR,
  VISIT_SEND_HOUR,
  checkPlaybook,
  stepDueAt,
  stepDueDate,
  stepEscalationTime,
  stepReminderTimes,
  visitSendTime,
} from './playbook';
export { type VisitOverviewRow, toVisitationOverviewCsv } from './overview-csv';
