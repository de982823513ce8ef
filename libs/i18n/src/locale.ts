/**
 * The languages Jaarcyclus speaks: Dutch first (the SWV's own language), English switchable
 * per person. The one definition: pages, mails, validation messages and the person's
 * `locale` column all use this type.
 */
export const LOCALES = ['nl', 'en'] as const;

export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'nl';

export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}
