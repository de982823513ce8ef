import { checks as enChecks } from './en/checks';
import { messages as en } from './en/messages';
import type { Locale } from './locale';
import { labels as enLabels } from './en/labels';
import { checks as nlChecks } from './nl/checks';
import { labels as nlLabels } from './nl/labels';
import { messages as nl } from './nl/messages';

/**
 * The parts of each catalogue that the domain and the workflows write with: refusals and
 * validation failures by code, and the field-by-field checks of a school's figures and of a
 * format; the labels of the domain's results. Without the web app's and the mails' texts,
 * which stay out of the workflow bundle.
 */
export type MessageTexts = typeof nl;

export const MESSAGES: Readonly<Record<Locale, MessageTexts>> = { nl, en };

export const CHECKS: Readonly<Record<Locale, typeof nlChecks>> = { nl: nlChecks, en: enChecks };

/** The words the domain hands out with its results (statuses, export columns, timeline lines). */
export const LABELS: Readonly<Record<Locale, typeof nlLabels>> = { nl: nlLabels, en: enLabels };
