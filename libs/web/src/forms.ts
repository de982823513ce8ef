import {
  amsterdamInstant,
  amsterdamParts,
  DomainError,
  formatDateTimeNl,
  parseLocalDate,
} from '@jaarcyclus/domain';
import type { Locale } from '@jaarcyclus/persistence';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { translateDatabaseError } from '@jaarcyclus/api/common/database-errors';
import { flattenValidationErrors } from '@jaarcyclus/api/common/validation';
import { CSRF_FIELD } from './csrf';

/**
 * Form posts are checked with the api's own DTO classes and validation options, so a form and
 * the JSON api refuse the same input with the same messages; the web app only translates them.
 */
export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export async function validateForm<T extends object>(
  dto: ClassConstructor<T>,
  input: Record<string, unknown>,
): Promise<Validated<T>> {
  const instance = plainToInstance(dto, input);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  return errors.length === 0
    ? { ok: true, value: instance }
    : { ok: false, errors: flattenValidationErrors(errors) };
}

/**
 * The DTO's errors as form fields (`fieldOf` maps an api field to the form's), one message per
 * field: class-validator lists a property's failed checks from its last decorator up, so the
 * last one is the most basic (for 'drie': not a whole number, rather than also "at least 1"
 * and "at most 60").
 */
export function oneErrorPerField(
  errors: FieldError[],
  fieldOf: (apiField: string) => string,
): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const e of errors) {
    const field = fieldOf(e.field);
    byField.set(field, { field, message: e.message });
  }
  return [...byField.values()];
}

/** A refusal of a service (DomainError, or the database's constraint) as field errors; else rethrows. */
export function refusalAsFieldErrors(error: unknown): FieldError[] {
  const domain = error instanceof DomainError ? error : translateDatabaseError(error);
  if (!domain || domain.code === 'NOT_FOUND') throw error;
  return [{ field: domain.field ?? '', message: domain.message }];
}

/** The posted fields, without the form token. Repeated fields (checkboxes) arrive as arrays. */
export function formFields(body: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (typeof body !== 'object' || body === null) return out;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === CSRF_FIELD) continue;
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value))
      out[key] = value.filter((v): v is string => typeof v === 'string');
  }
  return out;
}

export function text(fields: Record<string, string | string[]>, name: string): string {
  const value = fields[name];
  return typeof value === 'string' ? value : '';
}

/**
 * A whole number typed into a text field: '' is "not given"; Dutch thousands separators
 * ('16.500') are accepted; anything else stays NaN so the DTO refuses it with its own message.
 */
export function wholeNumber(input: string): number | undefined {
  const trimmed = input.trim().replace(/\s/g, '');
  if (trimmed === '') return undefined;
  const plain = /^\d{1,3}(\.\d{3})+$/.test(trimmed) ? trimmed.replace(/\./g, '') : trimmed;
  return /^-?\d+$/.test(plain) ? Number(plain) : Number.NaN;
}

/**
 * A list of whole numbers typed as '7, 2' (commas, semicolons or spaces between them): '' is
 * "not given"; an entry that is not a whole number stays NaN so the DTO refuses it.
 */
export function wholeNumberList(input: string): number[] | undefined {
  const parts = input.split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0) return undefined;
  return parts.map((p) => wholeNumber(p) ?? Number.NaN);
}

/** What a date-time field hands the DTO when the text is no date and time: its ISO check refuses it with the api's message. */
const NOT_A_DATE_TIME = 'not-a-date-time';

/**
 * A date and time on Amsterdam clocks (docs/domain.md: deadlines are dates in Europe/Amsterdam) as an
 * ISO instant. Accepts what a datetime-local input posts ('2026-12-11T17:00') and what a person
 * types where the browser has no date picker ('11-12-2026 17:00', '11-12-2026 om 17.00').
 * '' is "not given".
 */
export function amsterdamDateTime(input: string): string | undefined {
  const s = input.trim();
  if (s === '') return undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})(?::00)?$/.exec(s);
  const nl = /^(\d{1,2})-(\d{1,2})-(\d{4}),?\s+(?:om\s+)?(\d{1,2})[:.](\d{2})$/.exec(s);
  const parts = iso
    ? [iso[1], iso[2], iso[3], iso[4], iso[5]]
    : nl
      ? [nl[3], nl[2], nl[1], nl[4], nl[5]]
      : null;
  if (!parts) return NOT_A_DATE_TIME;
  const [year, month, day, hour, minute] = parts.map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  try {
    return amsterdamInstant(
      parseLocalDate(`${pad(year, 4)}-${pad(month)}-${pad(day)}`),
      hour,
      minute,
    ).toISOString();
  } catch (err) {
    if (err instanceof DomainError) return NOT_A_DATE_TIME;
    throw err;
  }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The value of a datetime-local input showing `instant` on Amsterdam clocks: '2026-12-11T17:00'. */
export function dateTimeInputValue(instant: Date): string {
  const { date, hour, minute } = amsterdamParts(instant);
  return `${date}T${pad(hour)}:${pad(minute)}`;
}

/** '' from a select means "none". */
export function optionalId(input: string): string | null {
  return input.trim() === '' ? null : input.trim();
}

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/;

/** An ISO instant quoted in a workflow's refusal, as Dutch readers read dates. */
const nlInstant = (iso: string | undefined): string =>
  iso && Number.isFinite(Date.parse(iso)) ? formatDateTimeNl(new Date(iso)) : (iso ?? '');

/** What refers to a record the database will not delete (translateDatabaseError's table names). */
const IN_USE_BY: Record<string, string> = {
  'school board': 'schoolbesturen',
  school: 'scholen',
  person: 'personen',
  body: 'organen',
  'body member': 'lidmaatschappen van organen',
  task: 'taken',
  'school accountability': 'verantwoordingen',
  'accountability submission': 'ingediende verantwoordingen',
  'accountability deduction': 'kortingen',
  'accountability format': 'versies van het verantwoordingsformat',
  'audit event': 'de geschiedenis van cycli',
  cycle: 'cycli',
};

const NL_MESSAGES: [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^Still in use(?: by (.+) records)?: remove those first$/,
    (m) =>
      m[1] && IN_USE_BY[m[1]]
        ? `Dit is nog in gebruik bij ${IN_USE_BY[m[1]]}. Wijzig of verwijder die eerst.`
        : 'Dit is nog ergens in gebruik. Wijzig of verwijder dat eerst.',
  ],
  [
    /^The organisation must keep at least one active person with the role admin$/,
    () => 'Uw samenwerkingsverband moet minstens één actieve beheerder houden.',
  ],
  // Amounts typed in euros (eurosToCents) and their checks in cents (DTO and budget workflow).
  [/ is not an amount$/, () => 'Vul een bedrag in euro’s in, zoals 1.234,56.'],
  [/ has more than two decimals$/, () => 'Gebruik hoogstens twee cijfers achter de komma.'],
  [
    / is ambiguous: write '([^']*)' or '([^']*)'$/,
    (m) => `Bedoelt u ${m[1]} of ${m[2]}? Schrijf het bedrag zonder twijfel.`,
  ],
  [/ is too large$/, () => 'Dit bedrag is te groot.'],
  [/Cents must be a non-negative integer$/, () => 'Vul een bedrag in van € 0,00 of meer.'],
  [/Cents must be a positive integer$/, () => 'Vul een bedrag in dat groter is dan € 0,00.'],
  [/Cents must be an integer/, () => 'Vul een bedrag in euro’s in, zoals 1.234,56.'],
  // Budget cycle: form checks (DTO) and refusals of the workflow.
  [/^budgetYear must be a whole year$/, () => 'Vul een jaartal in, zoals 2027.'],
  [/^budgetYear must be (\d+) or later$/, (m) => `Vul een jaartal in van ${m[1]} of later.`],
  [/^budgetYear must be (\d+) or earlier$/, (m) => `Vul een jaartal in van ${m[1]} of eerder.`],
  [/^budgetYear must be a year between/, () => 'Vul een geldig jaartal in.'],
  [/ must be an http\(s\) URL$/, () => 'Vul een webadres in dat begint met https://.'],
  [
    /^proposal needs a documentId/,
    () => 'Kies een bestand met het voorstel of vul de link naar het voorstel in.',
  ],
  [
    /^proposal\.documentId is not a document of this organisation/,
    () => 'Het geüploade bestand is niet gevonden. Kies het bestand opnieuw.',
  ],
  // Uploaded documents (DocumentsService: the same checks as POST /api/documents).
  [
    /^file must be a PDF, Word, Excel or OpenDocument file/,
    () => 'Kies een PDF-, Word-, Excel- of OpenDocument-bestand.',
  ],
  [
    /^file is larger than (\d+) MB$/,
    (m) => `Het bestand is groter dan ${m[1]} MB. Kies een kleiner bestand of geef een link.`,
  ],
  [/^file is empty$/, () => 'Het bestand is leeg. Kies een ander bestand.'],
  [
    /^file content does not match its type \(sent as (\w+)\)$/,
    (m) =>
      `De inhoud van het bestand past niet bij het type (${m[1]}). Kies het oorspronkelijke bestand.`,
  ],
  [
    / must be an ISO 8601 (date-time|instant)/,
    () => 'Vul een datum en tijd in, zoals 11-12-2026 17:00.',
  ],
  [/^The vote deadline must be in the future$/, () => 'Kies een deadline in de toekomst.'],
  [/^The (new )?deadline must be in the future$/, () => 'Kies een deadline in de toekomst.'],
  [
    new RegExp(
      `^The new deadline must be later than the current one of (.+) \\((${ISO_INSTANT.source})\\)$`,
    ),
    (m) => `Kies een deadline na de huidige deadline van ${m[1]} (${nlInstant(m[2])}).`,
  ],
  // Accountability: extending one school's deadline, waiving a school (workflow refusals).
  [
    new RegExp(`^The new deadline must be later than the current one \\((${ISO_INSTANT.source})\\)$`),
    (m) => `Kies een deadline na de huidige deadline (${nlInstant(m[1])}).`,
  ],
  [/^The new deadline must lie in the future$/, () => 'Kies een deadline in de toekomst.'],
  [
    /^The new deadline may be at most (\d+) days ahead$/,
    (m) => `Kies een deadline die hoogstens ${m[1]} dagen vooruit ligt.`,
  ],
  [/^A reason is required to waive a school$/, () => 'Vul de reden van de vrijstelling in.'],
  [/ must hold whole numbers$/, () => 'Vul hele getallen in, gescheiden door komma’s, zoals 7, 2.'],
  [/ must be at least 1$/, () => 'Gebruik getallen van 1 of meer.'],
  [/ must be at most 60$/, () => 'Gebruik getallen van hoogstens 60.'],
  [/ may hold at most (\d+) offsets$/, (m) => `Vul hoogstens ${m[1]} getallen in.`],
  // Accountability: starting a cycle (DTO and the workflow's checks).
  [/^accountingYear must be a whole year$/, () => 'Vul een jaartal in, zoals 2026.'],
  [/^accountingYear must be (\d+) or later$/, (m) => `Vul een jaartal in van ${m[1]} of later.`],
  [/^accountingYear must be (\d+) or earlier$/, (m) => `Vul een jaartal in van ${m[1]} of eerder.`],
  [/^accountingYear must be a year between/, () => 'Vul een geldig jaartal in.'],
  [/^The deadline has passed$/, () => 'Deze datum is voorbij. Kies een inleverdatum in de toekomst.'],
  [/ must contain whole numbers$/, () => 'Vul hele getallen in, gescheiden door komma’s, zoals 14, 7, 1.'],
  [/ may have at most (\d+) entries$/, (m) => `Vul hoogstens ${m[1]} getallen in.`],
  // The SWV's settings (administration page and PATCH /api/organisation).
  [
    / must be an array of whole numbers from (\d+) to (\d+)$/,
    (m) => `Vul hele getallen van ${m[1]} tot en met ${m[2]} in, gescheiden door komma’s.`,
  ],
  [/ must contain at most (\d+) entries$/, (m) => `Vul hoogstens ${m[1]} getallen in.`],
  [/ must not contain duplicates$/, () => 'Noem elk getal maar één keer.'],
  [
    /^schoolIds\[\d+\] does not refer to a regular school/,
    () => 'Kies alleen reguliere scholen van uw samenwerkingsverband.',
  ],
  [/^schoolIds\[\d+\] is listed twice$/, () => 'Kies elke school maar één keer.'],
  [/^schoolIds must contain UUIDs$/, () => 'Kies scholen uit de lijst.'],
  [/^Reminder offsets must be whole business days/, () => 'Vul hele aantallen werkdagen in.'],
  [
    /^This organisation has no active directeur-bestuurder/,
    () => 'Er is geen actieve directeur-bestuurder. Laat een beheerder die eerst toevoegen.',
  ],
  [
    /^This organisation has several directors/,
    () => 'Er zijn meerdere directeur-bestuurders. Vraag een beheerder om er één actief te laten.',
  ],
  [
    /^No body has passed its deadline without quorum/,
    () =>
      'Er is geen orgaan waarvan de deadline verstreek zonder quorum. Een ronde sluiten kan pas daarna.',
  ],
  [
    new RegExp(`^(.+) is still voting until (${ISO_INSTANT.source}); it can be closed only after`),
    (m) =>
      `${m[1]} stemt nog tot ${nlInstant(m[2])}. Sluiten kan pas als de deadline zonder quorum is verstreken.`,
  ],
  [
    /^Voting of (.+) in this round is closed/,
    (m) => `De stemming van ${m[1]} in deze ronde is gesloten.`,
  ],
  [/^No body of this round is still voting$/, () => 'Geen enkel orgaan in deze ronde stemt nog.'],
  [/^Voting has not opened yet/, () => 'De stemming is nog niet geopend. Probeer het zo opnieuw.'],
  [
    /^A revision can only be submitted after a rejection/,
    () => 'Een herziene versie kan alleen na een afwijzing worden ingediend.',
  ],
  [
    new RegExp(`^The cycle's vote deadline \\((${ISO_INSTANT.source})\\) has passed`),
    (m) =>
      `De oorspronkelijke deadline (${nlInstant(m[1])}) is verstreken: geef de nieuwe ronde een deadline.`,
  ],
  [
    /^Only the directeur-bestuurder of this cycle can adopt/,
    () => 'Alleen de directeur-bestuurder van deze cyclus kan de begroting vaststellen.',
  ],
  [/^The budget has already been adopted$/, () => 'De begroting is al vastgesteld.'],
  [
    /^The budget can be adopted only after/,
    () => 'Vaststellen kan pas als ALV en RvT hebben goedgekeurd en de OPR heeft ingestemd.',
  ],
  [
    /^This cycle has finished; it no longer accepts changes$/,
    () => 'Deze cyclus is afgerond en kan niet meer worden gewijzigd.',
  ],
  // Accountability review (workflow refusals).
  [
    /^Say what the school must correct when returning/,
    () => 'Schrijf op wat de school moet verbeteren als u de verantwoording terugstuurt.',
  ],
  [
    /^Only a submitted version can be reviewed|^Nothing is waiting for review/,
    () => 'Er is geen ingediende versie om te beoordelen.',
  ],
  [/^bodyKey must be a body key/, () => 'Kies een orgaan uit de lijst.'],
  [/^Body '.*' does not vote in this round$/, () => 'Kies een orgaan uit de lijst.'],
  // Bodies: the voting rule (domain validateVotingRule) and members (BodiesService).
  [
    /numerator must be a positive integer not greater than the denominator$/,
    () => 'Vul een teller in van 1 of meer die niet groter is dan de noemer.',
  ],
  [
    /^A strict majority of 100% can never be reached$/,
    () => 'Meer dan 100% is nooit haalbaar. Kies ‘ten minste’ voor unanimiteit.',
  ],
  [
    /^Votes can only weigh by pupil count when every member represents a board/,
    () =>
      'Wegen naar leerlingaantal kan alleen als elk lid een bestuur vertegenwoordigt. Verwijder eerst de leden zonder bestuur.',
  ],
  [
    /boardId is required: this body weighs votes by the pupil count/,
    () => 'Kies het bestuur dat dit lid vertegenwoordigt.',
  ],
  [
    /^This board is already represented in this body$/,
    () => 'Dit bestuur is al vertegenwoordigd in dit orgaan.',
  ],
  [/ must be a non-negative integer$/, () => 'Vul een heel getal in van 0 of meer.'],
  [/ must be a positive integer$/, () => 'Vul een heel getal in van 1 of meer.'],
  [/ must not be empty$/, () => 'Vul dit veld in.'],
  [/ must be a string$/, () => 'Vul dit veld in.'],
  [/ must be at most (\d+) characters$/, (m) => `Gebruik hoogstens ${m[1]} tekens.`],
  [/ must be an email address$/, () => 'Vul een geldig e-mailadres in, zoals naam@school.nl.'],
  [/ must be a UUID$/, () => 'Kies een waarde uit de lijst.'],
  [/ does not refer to /, () => 'Kies een waarde uit de lijst.'],
  [/^name already exists$/, () => 'Deze naam is al in gebruik. Kies een andere naam.'],
  [/ already exists$/, () => 'Deze waarde is al in gebruik.'],
  [/ must be one of: /, () => 'Kies een van de mogelijkheden.'],
  [/ is not allowed$/, () => 'Dit veld hoort niet bij dit formulier.'],
];

/**
 * The api's message in the reader's language. English readers get the api's message as it is;
 * Dutch readers a translation, or the api's message when there is none yet (never nothing).
 */
export function localiseFieldMessage(locale: Locale, message: string): string {
  if (locale === 'en') return message;
  for (const [pattern, translate] of NL_MESSAGES) {
    const match = pattern.exec(message);
    if (match) return translate(match);
  }
  return message;
}
