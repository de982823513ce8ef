import type { Locale } from './locale';
import { MESSAGES, type MessageTexts } from './messages';

type Areas = MessageTexts;
type Area = keyof Areas & string;

/** A refusal's or a validation failure's code: 'validation.tooLong', 'refusal.inUse'. */
export type TextCode = { [A in Area]: `${A}.${keyof Areas[A] & string}` }[Area];

type TextFunction<C extends TextCode> = C extends `${infer A}.${infer K}`
  ? A extends Area
    ? K extends keyof Areas[A]
      ? Areas[A][K]
      : never
    : never
  : never;

/** The parameters of a code, as its texts use them. */
export type TextParams<C extends TextCode> =
  Parameters<TextFunction<C>> extends [infer P, ...unknown[]] ? P : undefined;

export type TextParam = string | number | boolean | null | undefined;

/**
 * What a refusal or a validation failure carries from the domain, a DTO or a workflow to the
 * edge: a code and its parameters, never a sentence. Plain data (it crosses Temporal as JSON).
 */
export interface CodedText {
  code: TextCode;
  params?: Readonly<Record<string, TextParam>>;
}

/** The parameters after a code: none for a code whose texts take none. */
export type TextArgs<C extends TextCode> = TextParams<C> extends undefined ? [] : [TextParams<C>];

/** A coded text, its parameters checked against the catalogue. */
export function codedText<C extends TextCode>(code: C, ...params: TextArgs<C>): CodedText {
  const [p] = params as [Record<string, TextParam>?];
  return p === undefined ? { code } : { code, params: p };
}

/** Whether `value` is a coded text whose code the catalogue knows. */
export function isCodedText(value: unknown): value is CodedText {
  if (typeof value !== 'object' || value === null) return false;
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' && lookup('nl', code) !== undefined;
}

function lookup(locale: Locale, code: string): ((p?: unknown) => string) | undefined {
  const dot = code.indexOf('.');
  const texts = (MESSAGES[locale] ?? MESSAGES.nl) as Record<string, Record<string, unknown>>;
  const area = texts[code.slice(0, dot)];
  const text = dot > 0 && area ? area[code.slice(dot + 1)] : undefined;
  return typeof text === 'function' ? (text as (p?: unknown) => string) : undefined;
}

/** The text of a code in `locale`. */
export function renderText(locale: Locale, text: CodedText): string {
  const write = lookup(locale, text.code);
  if (!write) throw new RangeError(`No text for ${text.code}`);
  return write(text.params ?? {});
}

/** The English text: what the JSON api answers and what an error's message says. */
export function englishText<C extends TextCode>(code: C, ...params: TextArgs<C>): string {
  return renderText('en', codedText(code, ...params));
}
