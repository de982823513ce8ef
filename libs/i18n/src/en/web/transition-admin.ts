import type { transitionAdmin as nl } from '../../nl/web/transition-admin';

export const transitionAdmin: typeof nl = {
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
  talLink: 'Access log',
  talLinkLabel: (school: string) => `Access log of the case of ${school}`,
  talTitle: 'Access log of a transition case',
  talIntro:
    'Who opened or exported this case or downloaded a document, and when the personal data were erased. For the data protection officer (FG). The log cannot be changed.',
  talCase: (vso: string, regular: string | null) =>
    regular ? `Case from ${vso} to ${regular}` : `Case from ${vso}`,
  talWhen: 'When',
  talWho: 'Who',
  talWhat: 'What',
  talNone: 'Nobody has opened this case yet.',
  talSystem: 'The system (retention period)',
  talAction: {
    read: 'Case viewed',
    export: 'AVG export downloaded',
    download: 'Document downloaded',
    erase: 'Personal data erased',
  },
  talBack: 'Back to the transition cases',
};
