import { getMetadataStorage } from 'class-validator';
import { CATALOGUE, isCodedText, renderText, type CodedText } from '@jaarcyclus/i18n';
import * as accountability from '../accountability/dto/accountability.dto';
import * as auth from '../auth/dto/auth.dto';
import * as boards from '../boards/dto/board.dto';
import * as bodies from '../bodies/dto/body.dto';
import * as votingRule from '../bodies/dto/voting-rule.dto';
import * as budget from '../budget/dto/budget.dto';
import * as organisation from '../organisation/dto/organisation.dto';
import * as persons from '../persons/dto/person.dto';
import * as schools from '../schools/dto/school.dto';

/** Decorators that refuse nothing themselves: optional fields, conditions, allowed values. */
const REFUSE_NOTHING = new Set(['conditionalValidation', 'whitelistValidation']);

const dtos = [
  accountability,
  auth,
  boards,
  bodies,
  votingRule,
  budget,
  organisation,
  persons,
  schools,
]
  .flatMap((module) => Object.values(module))
  .filter((value): value is new () => object => typeof value === 'function');

const checks = dtos.flatMap((dto) =>
  getMetadataStorage()
    .getTargetValidationMetadatas(dto, '', false, false)
    .filter((m) => !REFUSE_NOTHING.has(m.type))
    .map((m) => ({
      where: `${dto.name}.${m.propertyName} (${m.name ?? m.type})`,
      text: (m.context as { text?: unknown } | undefined)?.text,
    })),
);

describe('every refusal a DTO can give has a code with a Dutch and an English text', () => {
  it('finds the DTOs’ checks', () => {
    expect(checks.length).toBeGreaterThan(100);
  });

  it('gives every check a code the catalogue knows', () => {
    expect(checks.filter((c) => !isCodedText(c.text)).map((c) => c.where)).toEqual([]);
  });

  it.each(['nl', 'en'] as const)('writes every code of a check in %s', (locale) => {
    const unwritten = checks.filter((c) => {
      const text = c.text as CodedText;
      const written = renderText(locale, { ...text, params: { field: 'x', ...text.params } });
      return written.trim() === '';
    });
    expect(unwritten.map((c) => c.where)).toEqual([]);
    expect(Object.keys(CATALOGUE[locale].messages.validation).length).toBeGreaterThan(50);
  });
});
