import { en } from './en';
import type { Locale } from './locale';
import { nl } from './nl';

/**
 * One text catalogue per language (libs/i18n/src/nl, libs/i18n/src/en), split by area: the web
 * app's pages, the e-mails, validation messages and refusals, and the labels of exports. The
 * Dutch catalogue defines the shape; the English one must have every key (a type error
 * otherwise), and catalogue.spec.ts checks that no text is empty.
 */
export type Catalogue = typeof nl;

export const CATALOGUE: Readonly<Record<Locale, Catalogue>> = { nl, en };

/** The texts in `locale`; Dutch for a value that is no language of ours. */
export function catalogueFor(locale: Locale): Catalogue {
  return CATALOGUE[locale] ?? CATALOGUE.nl;
}

/** The texts of the web app's pages. */
export type WebTexts = Catalogue['web'];
