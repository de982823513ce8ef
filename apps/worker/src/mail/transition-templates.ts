/**
 * Mail texts of the schakeltraject vso → regulier vo, rendered separately from sending. They
 * never name the pupil: the case is named by its schools and links to its page behind the
 * sign-in (AVG, docs/domain.md §4, source 001 §1.4).
 */
import type { StallLevel, TransitionPhase } from '@jaarcyclus/domain';
import { catalogueFor, formatCalendarDate, type TransitionMailArgs } from '@jaarcyclus/i18n';
import type { TransitionNotificationKind } from '@jaarcyclus/workflows';
import { type Block, type Locale, type RenderedMail, compose } from './templates';

export interface TransitionMailData {
  organisationName: string;
  recipientName: string;
  vsoSchoolName: string;
  regularSchoolName: string | null;
  phase: TransitionPhase;
  dueOn: string | null;
  level: StallLevel;
  /** What the recipient is on the case as: the text differs for parents and per escalation. */
  audience: 'parent' | 'owner' | 'ect' | 'secretariat' | 'participant';
  link: string;
}

export function renderTransitionMail(
  locale: Locale,
  kind: TransitionNotificationKind,
  d: TransitionMailData,
): RenderedMail {
  const mail = catalogueFor(locale).mail;
  const t = mail.transition;
  const a: TransitionMailArgs = {
    org: d.organisationName,
    phase: t.phase[d.phase],
    due: d.dueOn ? formatCalendarDate(locale, d.dueOn) : '',
    vso: d.vsoSchoolName,
    regular: d.regularSchoolName ?? '',
  };
  const link: Block = {
    link: d.link,
    label: d.audience === 'secretariat' ? t.overview : t.open,
  };
  const send = (subject: string, blocks: Block[]): RenderedMail =>
    compose(subject, [mail.greeting(d.recipientName), ...blocks, link], mail.footer(a.org));
  switch (kind) {
    case 'opened':
      return send(t.opened.subject(a), [
        t.opened.body(a),
        ...(d.audience === 'parent' ? [t.opened.parents] : []),
      ]);
    case 'phaseEntered':
      // Parents get no phase details by mail: something changed, the case page says what.
      if (d.audience === 'parent') return send(t.changed.subject(a), [t.changed.body]);
      return send(t.phaseEntered.subject(a), [t.phaseEntered.body(a)]);
    case 'parentsAsked':
      return send(t.changed.subject(a), [t.changed.body, t.changed.asked]);
    case 'evaluationDue':
      return send(t.evaluationDue.subject(a), [t.evaluationDue.body(a)]);
    case 'stalled':
      return send(t.stalled.subject(a), [
        d.audience === 'secretariat'
          ? t.stalled.secretariat(a)
          : d.audience === 'ect'
            ? t.stalled.ect(a)
            : t.stalled.owner(a),
      ]);
    case 'closed':
      return send(t.closed.subject(a), [t.closed.body()]);
  }
}
