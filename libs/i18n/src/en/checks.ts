import type { checks as nl } from '../nl/checks';

export const checks: typeof nl = {
  submission: {
    notAnObject: 'The accountability must be an object.',
    section: { income: 'Income', expenses: 'Expenses', appendix: 'Appendix' },
    line: (section, n) => `${section}, line ${n}`,
    lineLabelled: (section, n, label) => `${section}, line ${n} (${label})`,
    description: (where) => `${where}: the description of the extra support`,
    targetGroup: (where) => `${where}: the target group`,
    notAList: (what) => `${what}: expected a list of lines.`,
    tooMany: (what, max) => `${what}: at most ${max} lines.`,
    notALine: (where) => `${where}: not a valid line.`,
    unknownLine: (where, key, version) =>
      `${where}: ${key} is not a line of this format (version ${version}).`,
    duplicateLine: (where) => `${where}: this line occurs more than once.`,
    requiredLine: (what, label) => `${what}: the required line '${label}' is missing.`,
    amountRequired: (where) => `${where}: the amount is required.`,
    amountNotANumber: (where) => `${where}: the amount must be a number.`,
    amountDecimals: (where, value) => `${where}: the amount ${value} has more than two decimals.`,
    amountAmbiguous: (where, value, int, frac) =>
      `${where}: the amount ${value} is ambiguous; write ${int}${frac} or ${int}.${frac},00.`,
    amountFormat: (where, value) => `${where}: ${value} is not a valid amount; write e.g. 1234,56.`,
    amountNegative: (where) => `${where}: the amount must not be negative.`,
    fteRequired: (where) => `${where}: the FTE is required.`,
    fteRange: (where, max) => `${where}: the FTE must be between 0 and ${max}.`,
    fteDecimals: (where, value) => `${where}: the FTE ${value} has more than two decimals.`,
    fteNotANumber: (where) => `${where}: the FTE must be a number.`,
    fteFormat: (where, value) => `${where}: ${value} is not a valid FTE; write e.g. 0,8.`,
    textRequired: (what) => `${what} is required.`,
    textTooLong: (what, max) => `${what} is longer than ${max} characters.`,
    appendixNotEqual: (appendix, extra) =>
      `Appendix: the FTE in the appendix (${appendix}) must equal the FTE for extra support among the expenses (${extra}).`,
    appendixExceeds: (appendix, extra) =>
      `Appendix: the FTE in the appendix (${appendix}) is more than the FTE for extra support among the expenses (${extra}).`,
  },
  format: {
    notAnObject: 'The format must be an object.',
    version: 'Version: must be a whole number of 1 or more.',
    section: { income: 'Income', expenses: 'Expenses', appendix: 'Appendix' },
    line: (section, n) => `${section}, line ${n}`,
    keyFormat: (where) =>
      `${where}: the key must start with a lowercase letter and contain only lowercase letters, digits and _ (at most 63 characters).`,
    duplicateKey: (where, key) => `${where}: the key '${key}' occurs more than once.`,
    labelRequired: (where) => `${where}: the description is required.`,
    labelTooLong: (where, max) => `${where}: the description is longer than ${max} characters.`,
    requiredFlag: (where) => `${where}: 'required' must be true or false.`,
    noLines: (what) => `${what}: the format needs at least one line.`,
    tooMany: (what, max) => `${what}: at most ${max} lines.`,
    notALine: (where) => `${where}: not a valid line.`,
    categoryFormat: (where) =>
      `${where}: the category must start with a lowercase letter and contain only lowercase letters, digits and _.`,
    appendixMissing: 'Appendix: the rule for the FTE in the appendix is missing.',
    fteRule: (rules) => `Appendix: the FTE rule must be one of ${rules}.`,
    extraSupportRequired: 'Appendix: the extra support category is required.',
    unknownCategory: (category) => `Appendix: no expense line has the category '${category}'.`,
  },
};
