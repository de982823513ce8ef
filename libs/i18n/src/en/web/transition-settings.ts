import type { transitionSettings as nl } from '../../nl/web/transition-settings';

export const transitionSettings: typeof nl = {
  tsTitle: 'Transition case settings',
  tsLink: 'Settings of the transition cases',
  tsIntro:
    'How long each phase of a transition case may take, when a case has stalled, how often the OPP is evaluated and how long the personal data are kept. Changes apply to cases opened afterwards; running cases keep their own settings.',
  tsPhasesLegend: 'Time per phase (school business days)',
  tsPhasesHint:
    'Counted from the start of the phase, without weekends, public holidays and the region’s school holidays.',
  tsOrientationDays: 'Orientation',
  tsConsultationDays: 'Consultation',
  tsDecisionDays: 'Decision',
  tsHandoverDays: 'Handover',
  tsEvaluationWeeks: 'OPP evaluation during execution, every … weeks',
  tsStallBusinessDays: 'A case has stalled after … business days without a step',
  tsStallHint:
    'Then the owner of the phase is reminded, after that the ECT member, and after that the secretariat.',
  tsEscalationBusinessDays: 'Business days between the reminder and each following message',
  tsRetentionMonths: 'Retention after closing (months)',
  tsRetentionHint:
    'After that, the name, date of birth, notes and documents of the case are erased.',
  tsDefaultHint: (value: number) => `Default ${value}.`,
  tsSaved: 'The transition case settings have been saved.',
  tsDefaultsInForce: 'The default settings are in force.',
};
