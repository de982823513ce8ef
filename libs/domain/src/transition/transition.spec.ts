import { addMonths } from '../calendar/local-date';
import { isDomainError } from '../errors';
import {
  DEFAULT_TRANSITION_CONFIG,
  type TransitionActor,
  type TransitionConfig,
  type TransitionMove,
  type TransitionMoveKind,
  type TransitionPhase,
  type TransitionState,
  applyTransitionMove,
  erasureOn,
  isTransitionOverdue,
  movesFor,
  nextStallAction,
  openTransition,
  stallLevel,
  transitionDueOn,
  transitionYearNumbers,
  validateTransitionConfig,
  transitionConfigFrom,
  transitionConfigOf,
  transitionSettingsOf,
  type TransitionSettings,
} from './index';

const VSO = 'vso-school';
const A = 'regular-a';
const B = 'regular-b';
const TODAY = '2027-03-01';
const cfg: TransitionConfig = DEFAULT_TRANSITION_CONFIG;

function move(
  state: TransitionState,
  m: TransitionMove,
  actor: TransitionActor,
  today = TODAY,
): TransitionState {
  return applyTransitionMove(state, m, actor, today, cfg);
}

/** A case walked to `phase` with school A chosen and consented (today everywhere). */
function inPhase(
  phase: TransitionPhase,
  track: 'proceed' | 'symbiosis' = 'proceed',
): TransitionState {
  let s = openTransition(VSO, TODAY);
  if (phase === 'orientation') return s;
  s = move(s, { kind: 'chooseSchool', schoolId: A, priorConsultationOn: TODAY }, 'vso');
  s = move(s, { kind: 'recordConsent', schoolId: A }, 'parent');
  s = move(s, { kind: 'completeOrientation', parentsMetOn: TODAY }, 'vso');
  if (phase === 'consultation') return s;
  s = move(s, { kind: 'recordConsultation', meetingOn: TODAY, researchDueOn: null }, 'vso');
  if (phase === 'decision') return s;
  s = move(s, { kind: 'decide', decision: track }, 'regular');
  if (phase === 'handover') return s;
  return move(s, { kind: 'recordHandover', startOn: '2027-03-08' }, 'vso');
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (isDomainError(err)) return `${err.code}:${err.text?.code ?? ''}`;
    throw err;
  }
  return 'allowed';
}

/** One example of each move, valid in its own phase. */
const EXAMPLES: Record<TransitionMoveKind, TransitionMove> = {
  chooseSchool: { kind: 'chooseSchool', schoolId: B, priorConsultationOn: TODAY },
  recordConsent: { kind: 'recordConsent', schoolId: A },
  completeOrientation: { kind: 'completeOrientation', parentsMetOn: TODAY },
  recordConsultation: { kind: 'recordConsultation', meetingOn: TODAY, researchDueOn: null },
  completeResearch: { kind: 'completeResearch' },
  decide: { kind: 'decide', decision: 'proceed' },
  recordHandover: { kind: 'recordHandover', startOn: '2027-03-08' },
  recordEvaluation: { kind: 'recordEvaluation', heldOn: TODAY },
  close: { kind: 'close', result: 'succeeded' },
  end: { kind: 'end', reason: 'other' },
};

describe('schakeltraject phases: every move in every phase', () => {
  // The phase in which each move belongs; 'end' belongs to every open phase.
  const HOME: Record<TransitionMoveKind, TransitionPhase[]> = {
    chooseSchool: ['orientation'],
    recordConsent: ['orientation'],
    completeOrientation: ['orientation'],
    recordConsultation: ['consultation'],
    completeResearch: ['consultation'],
    decide: ['decision'],
    recordHandover: ['handover'],
    recordEvaluation: ['execution'],
    close: ['execution'],
    end: ['orientation', 'consultation', 'decision', 'handover', 'execution'],
  };
  const cases = (Object.keys(EXAMPLES) as TransitionMoveKind[]).flatMap((kind) =>
    (['orientation', 'consultation', 'decision', 'handover', 'execution'] as const).map(
      (phase) => [kind, phase] as const,
    ),
  );

  it.each(cases)('%s in %s: refused outside its phase', (kind, phase) => {
    const state = inPhase(phase);
    const actor: TransitionActor =
      kind === 'recordConsent' ? 'parent' : kind === 'decide' ? 'regular' : 'ect';
    const outcome = refusal(() => move(state, EXAMPLES[kind], actor));
    if (HOME[kind].includes(phase)) {
      // completeResearch needs research under way; recordConsent a chosen school.
      if (kind === 'completeResearch') expect(outcome).toBe('RULE_VIOLATION:transition.noResearch');
      else if (kind === 'recordConsent')
        expect(outcome).toBe('RULE_VIOLATION:transition.noSchoolChosen');
      else if (kind === 'completeOrientation')
        expect(outcome).toBe('RULE_VIOLATION:transition.noSchoolChosen');
      else expect(outcome).toBe('allowed');
    } else {
      expect(outcome).toBe('RULE_VIOLATION:transition.wrongPhase');
    }
  });
});

describe('schakeltraject phases: who acts', () => {
  it.each<[TransitionMoveKind, TransitionPhase, TransitionActor, boolean]>([
    ['chooseSchool', 'orientation', 'vso', true],
    ['chooseSchool', 'orientation', 'ect', true],
    ['chooseSchool', 'orientation', 'regular', false],
    ['chooseSchool', 'orientation', 'parent', false],
    ['chooseSchool', 'orientation', 'secretariat', false],
    ['decide', 'decision', 'regular', true],
    ['decide', 'decision', 'vso', false],
    ['decide', 'decision', 'ect', false],
    ['decide', 'decision', 'parent', false],
    ['recordEvaluation', 'execution', 'regular', true],
    ['recordEvaluation', 'execution', 'ect', true],
    ['recordEvaluation', 'execution', 'vso', false],
    ['close', 'execution', 'parent', false],
    ['end', 'orientation', 'vso', true],
    ['end', 'orientation', 'regular', false],
    ['end', 'execution', 'regular', true],
    ['end', 'decision', 'parent', false],
    ['end', 'handover', 'secretariat', false],
  ])('%s in %s by %s: %s', (kind, phase, actor, allowed) => {
    const state = inPhase(phase);
    expect(movesFor(state, actor).includes(kind)).toBe(allowed);
    const outcome = refusal(() => move(state, EXAMPLES[kind], actor));
    expect(outcome === 'RULE_VIOLATION:transition.notYourStep').toBe(!allowed);
  });
});

describe('schakeltraject phases: the path through a case', () => {
  it('walks all five phases to succeeded, with two OPP evaluations', () => {
    let s = inPhase('execution');
    expect(s.phase).toBe('execution');
    expect(s.track).toBe('regular');
    // Start on 8 March + 10 weeks = 17 May 2027, Whit Monday: the evaluation moves to Tuesday.
    expect(s.nextEvaluationOn).toBe('2027-05-18');
    s = move(s, { kind: 'recordEvaluation', heldOn: '2027-05-17' }, 'regular', '2027-05-17');
    s = move(s, { kind: 'recordEvaluation', heldOn: '2027-07-26' }, 'regular', '2027-07-26');
    expect(s.evaluations).toBe(2);
    // 26 July + 10 weeks = 4 October.
    expect(s.nextEvaluationOn).toBe('2027-10-04');
    s = move(s, { kind: 'close', result: 'succeeded' }, 'regular', '2027-10-04');
    expect(s).toMatchObject({ status: 'closed', outcome: 'succeeded', closedOn: '2027-10-04' });
    expect(refusal(() => move(s, EXAMPLES.end, 'vso'))).toBe('CONFLICT:transition.caseClosed');
  });

  it('a "no" goes back to orientation; the declined school cannot be chosen again', () => {
    let s = move(inPhase('decision'), { kind: 'decide', decision: 'decline' }, 'regular');
    expect(s).toMatchObject({
      phase: 'orientation',
      regularSchoolId: null,
      declinedSchoolIds: [A],
    });
    expect(
      refusal(() =>
        move(s, { kind: 'chooseSchool', schoolId: A, priorConsultationOn: TODAY }, 'vso'),
      ),
    ).toBe('RULE_VIOLATION:transition.schoolAlreadyTried');
    s = move(s, { kind: 'chooseSchool', schoolId: B, priorConsultationOn: TODAY }, 'vso');
    // Consent for school A does not cover school B.
    expect(
      refusal(() => move(s, { kind: 'completeOrientation', parentsMetOn: TODAY }, 'vso')),
    ).toBe('RULE_VIOLATION:transition.noConsent');
    s = move(s, { kind: 'recordConsent', schoolId: B }, 'parent');
    s = move(s, { kind: 'completeOrientation', parentsMetOn: TODAY }, 'vso');
    expect(s).toMatchObject({ phase: 'consultation', regularSchoolId: B });
  });

  it('or the case ends after the "no"', () => {
    const s = move(inPhase('decision'), { kind: 'decide', decision: 'decline' }, 'regular');
    expect(move(s, { kind: 'end', reason: 'no_school' }, 'vso')).toMatchObject({
      status: 'closed',
      outcome: 'ended',
      endReason: 'no_school',
    });
  });

  it('symbiosis runs through handover and execution and closes as symbiosis', () => {
    const s = inPhase('execution', 'symbiosis');
    expect(s.track).toBe('symbiosis');
    expect(move(s, { kind: 'close', result: 'succeeded' }, 'regular').outcome).toBe('symbiosis');
  });

  it('back to vso from execution is its own outcome', () => {
    expect(
      move(inPhase('execution'), { kind: 'close', result: 'back_to_vso' }, 'ect'),
    ).toMatchObject({ outcome: 'back_to_vso', endReason: 'back_to_vso' });
  });

  it('the vso school cannot be its own school of preference', () => {
    expect(
      refusal(() =>
        move(
          openTransition(VSO, TODAY),
          { kind: 'chooseSchool', schoolId: VSO, priorConsultationOn: TODAY },
          'vso',
        ),
      ),
    ).toBe('RULE_VIOLATION:transition.schoolIsVso');
  });

  it('further research holds the consultation until it is completed', () => {
    let s = move(
      inPhase('consultation'),
      { kind: 'recordConsultation', meetingOn: TODAY, researchDueOn: '2027-03-15' },
      'vso',
    );
    expect(s).toMatchObject({ phase: 'consultation', researchDueOn: '2027-03-15' });
    expect(transitionDueOn(s, cfg)).toBe('2027-03-15');
    expect(refusal(() => move(s, EXAMPLES.recordConsultation, 'vso'))).toBe(
      'RULE_VIOLATION:transition.researchPending',
    );
    s = move(s, { kind: 'completeResearch' }, 'regular', '2027-03-12');
    expect(s).toMatchObject({
      phase: 'decision',
      researchDueOn: null,
      phaseStartedOn: '2027-03-12',
    });
  });

  it.each<[string, TransitionMove, string]>([
    [
      'a meeting in the future',
      { kind: 'recordConsultation', meetingOn: '2027-03-02', researchDueOn: null },
      'VALIDATION:transition.dateInFuture',
    ],
    [
      'research due today',
      { kind: 'recordConsultation', meetingOn: TODAY, researchDueOn: TODAY },
      'VALIDATION:transition.dateNotAfterToday',
    ],
  ])('refuses %s', (_, m, expected) => {
    expect(refusal(() => move(inPhase('consultation'), m, 'vso'))).toBe(expected);
  });
});

describe('due dates in business days', () => {
  const short: TransitionConfig = {
    ...cfg,
    phaseDueBusinessDays: { orientation: 5, consultation: 1, decision: 10, handover: 20 },
  };
  it.each<[string, TransitionState, string | undefined, string]>([
    // Thursday 25 March 2027: Goede Vrijdag is a business day, Easter Monday is not.
    ['across Easter', openTransition(VSO, '2027-03-25'), undefined, '2027-04-02'],
    // Friday 18 December 2026, region noord: the Christmas holiday runs to 3 January.
    [
      'a school holiday of the region',
      { ...openTransition(VSO, '2026-12-18'), phase: 'consultation' },
      'noord',
      '2027-01-04',
    ],
    [
      'no region: only public holidays',
      { ...openTransition(VSO, '2026-12-18'), phase: 'consultation' },
      undefined,
      '2026-12-21',
    ],
  ])('%s', (_, state, region, due) => {
    expect(transitionDueOn(state, short, region as 'noord' | undefined)).toBe(due);
  });

  it('beyond the published school holidays: weekdays without public holidays', () => {
    // School year 2031-2032 is not published yet: no error, the region is left out (Friday
    // 19 December 2031 + 5: the 22nd to 24th, then Christmas, then 29 and 30 December).
    expect(transitionDueOn(openTransition(VSO, '2031-12-19'), short, 'noord')).toBe('2031-12-30');
  });

  it('overdue the day after the due date, not on it', () => {
    const s = openTransition(VSO, '2027-03-25');
    expect(isTransitionOverdue(s, '2027-04-02', short)).toBe(false);
    expect(isTransitionOverdue(s, '2027-04-03', short)).toBe(true);
  });

  it('a closed case is never due', () => {
    expect(transitionDueOn(move(inPhase('orientation'), EXAMPLES.end, 'vso'), cfg)).toBeNull();
  });
});

describe('stall detection', () => {
  // Last step Monday 1 March 2027; stall after 10 business days, escalations 5 apart.
  const s = openTransition(VSO, TODAY);
  it.each<[string, number]>([
    ['2027-03-12', 0],
    ['2027-03-15', 1],
    ['2027-03-19', 1],
    ['2027-03-22', 2],
    // 29 March is Easter Monday: the third level waits for Tuesday.
    ['2027-03-29', 2],
    ['2027-03-30', 3],
  ])('on %s the level is %i', (today, level) => {
    expect(stallLevel(s, today, cfg)).toBe(level);
  });

  it('the next action goes out at 09:00 Amsterdam on its business day', () => {
    expect(nextStallAction(s, 0, cfg)).toEqual({ level: 1, at: new Date('2027-03-15T08:00:00Z') });
    expect(nextStallAction(s, 2, cfg)).toEqual({ level: 3, at: new Date('2027-03-30T07:00:00Z') });
    expect(nextStallAction(s, 3, cfg)).toBeNull();
  });

  it('in execution the clock starts at the evaluation due date', () => {
    const e = inPhase('execution');
    // Evaluation due Tuesday 18 May 2027; ten business days later is 1 June.
    expect(stallLevel(e, '2027-05-31', cfg)).toBe(0);
    expect(stallLevel(e, '2027-06-01', cfg)).toBe(1);
  });

  it('a closed case does not stall', () => {
    expect(stallLevel(move(s, EXAMPLES.end, 'vso'), '2028-01-01', cfg)).toBe(0);
  });
});

describe('retention', () => {
  it.each<[string, number, string]>([
    ['2027-10-04', 24, '2029-10-04'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2027-01-31', 1, '2027-02-28'],
    ['2027-12-15', 1, '2028-01-15'],
  ])('%s + %i months = %s', (from, months, to) => {
    expect(addMonths(from, months)).toBe(to);
  });

  it('erases 24 months after closing by default', () => {
    expect(erasureOn('2027-10-04', cfg)).toBe('2029-10-04');
  });
});

describe('configuration', () => {
  it('accepts the defaults', () => {
    expect(validateTransitionConfig(cfg)).toBe(cfg);
  });
  it.each<[string, Partial<TransitionConfig>]>([
    ['evaluationWeeks', { evaluationWeeks: 0 }],
    ['sendHour', { sendHour: 20 }],
    ['retentionMonths', { retentionMonths: 1.5 }],
    [
      'phaseDueBusinessDays.decision',
      { phaseDueBusinessDays: { ...cfg.phaseDueBusinessDays, decision: 0 } },
    ],
  ])('refuses a bad %s', (field, patch) => {
    try {
      validateTransitionConfig({ ...cfg, ...patch });
      throw new Error('accepted');
    } catch (err) {
      expect(isDomainError(err) && err.field).toBe(field);
    }
  });
});

describe("the SWV's settings", () => {
  const settings = transitionSettingsOf(DEFAULT_TRANSITION_CONFIG);
  it('round trips the defaults and keeps the send hour', () => {
    expect(settings).toEqual({
      orientationDays: 30,
      consultationDays: 20,
      decisionDays: 10,
      handoverDays: 20,
      evaluationWeeks: 10,
      stallBusinessDays: 10,
      escalationBusinessDays: 5,
      retentionMonths: 24,
    });
    expect(transitionConfigFrom(settings)).toEqual(DEFAULT_TRANSITION_CONFIG);
    const changed = transitionConfigFrom({ ...settings, decisionDays: 15, evaluationWeeks: 6 });
    expect(changed.phaseDueBusinessDays.decision).toBe(15);
    expect(changed.evaluationWeeks).toBe(6);
    expect(changed.sendHour).toBe(9);
  });
  it.each<[keyof TransitionSettings, number]>([
    ['orientationDays', 0],
    ['evaluationWeeks', 53],
    ['stallBusinessDays', 2.5],
    ['retentionMonths', 121],
  ])('refuses %s = %s by name', (field, value) => {
    try {
      transitionConfigFrom({ ...settings, [field]: value });
      throw new Error('accepted');
    } catch (err) {
      expect(isDomainError(err) && err.field).toBe(field);
    }
  });
  it('reads what the settings store, the defaults when nothing or nonsense is stored', () => {
    expect(transitionConfigOf(undefined)).toBe(DEFAULT_TRANSITION_CONFIG);
    expect(transitionConfigOf({ evaluationWeeks: 0 })).toBe(DEFAULT_TRANSITION_CONFIG);
    expect(
      transitionConfigOf({ retentionMonths: 36, phaseDueBusinessDays: { decision: 5 } }),
    ).toMatchObject({
      retentionMonths: 36,
      phaseDueBusinessDays: { orientation: 30, decision: 5 },
    });
  });
});

describe('yearly numbers', () => {
  it('counts starts and outcomes of the year and the median days per phase', () => {
    const n = transitionYearNumbers(
      [
        {
          openedOn: '2027-01-10',
          closedOn: '2027-11-01',
          outcome: 'succeeded',
          phases: [
            { phase: 'orientation', enteredOn: '2027-01-10', leftOn: '2027-02-10' },
            { phase: 'execution', enteredOn: '2027-03-01', leftOn: '2027-11-01' },
          ],
        },
        {
          openedOn: '2026-11-01',
          closedOn: '2027-02-01',
          outcome: 'symbiosis',
          phases: [{ phase: 'orientation', enteredOn: '2026-11-01', leftOn: '2027-01-01' }],
        },
        {
          openedOn: '2027-05-01',
          closedOn: null,
          outcome: null,
          phases: [{ phase: 'orientation', enteredOn: '2027-05-01', leftOn: '2027-05-21' }],
        },
        { openedOn: '2027-06-01', closedOn: '2027-07-01', outcome: 'back_to_vso', phases: [] },
        { openedOn: '2028-01-05', closedOn: null, outcome: null, phases: [] },
      ],
      2027,
    );
    expect(n).toEqual({
      year: 2027,
      started: 3,
      succeeded: 1,
      symbiosis: 1,
      backToVso: 1,
      ended: 0,
      // Orientation stays of 31, 61 and 20 days end in 2027: the median is 31.
      medianDaysPerPhase: {
        orientation: 31,
        consultation: null,
        decision: null,
        handover: null,
        execution: 245,
      },
    });
  });
});
