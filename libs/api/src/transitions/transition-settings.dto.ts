import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import {
  DEFAULT_TRANSITION_CONFIG,
  TRANSITION_SETTING_RANGES,
  type TransitionSettings,
  transitionSettingsOf,
} from '@jaarcyclus/domain';
import { says } from '../common/validation';

const DEFAULTS = transitionSettingsOf(DEFAULT_TRANSITION_CONFIG);

/** A whole number in the setting's range, refused with the range named (in the reader's language). */
const Setting = (field: keyof TransitionSettings, description: string): PropertyDecorator => {
  const { min, max } = TRANSITION_SETTING_RANGES[field];
  const message = says('transition.outOfRange', { min, max });
  return applyDecorators(
    ApiProperty({
      type: 'integer',
      minimum: min,
      maximum: max,
      example: DEFAULTS[field],
      description,
    }),
    IsInt(message),
    Min(min, message),
    Max(max, message),
  );
};

/**
 * The SWV's schakeltraject settings (PUT /api/transitions/settings, the page under "Beheer"):
 * every field required; they apply to cases opened afterwards (a running case keeps its own).
 */
export class TransitionSettingsDto implements TransitionSettings {
  @Setting('orientationDays', 'Orientation: business days until due')
  orientationDays!: number;

  @Setting('consultationDays', 'Consultation: business days until due')
  consultationDays!: number;

  @Setting('decisionDays', 'Decision: business days until due')
  decisionDays!: number;

  @Setting('handoverDays', 'Handover: business days until due')
  handoverDays!: number;

  @Setting('evaluationWeeks', 'Execution: an OPP evaluation every N weeks')
  evaluationWeeks!: number;

  @Setting('stallBusinessDays', 'A case without a step for N business days stalls')
  stallBusinessDays!: number;

  @Setting('escalationBusinessDays', 'Business days between the reminder and each escalation')
  escalationBusinessDays!: number;

  @Setting('retentionMonths', 'Months after closing until the personal data are erased')
  retentionMonths!: number;
}
