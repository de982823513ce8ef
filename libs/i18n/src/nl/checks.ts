import type { FormatMessages, SubmissionMessages, VisitationInputMessages } from '../check-types';

/**
 * A school's figures (validateSubmission), a format (validateFormat) and a visitation programme
 * (validateInstance), field by field.
 */
export const checks: {
  submission: SubmissionMessages;
  format: FormatMessages;
  visitation: VisitationInputMessages;
} = {
  submission: {
    notAnObject: 'De verantwoording moet een object zijn.',
    section: { income: 'Ontvangsten', expenses: 'Uitgaven', appendix: 'Bijlage' },
    line: (section, n) => `${section}, regel ${n}`,
    lineLabelled: (section, n, label) => `${section}, regel ${n} (${label})`,
    description: (where) => `${where}: de omschrijving van de extra ondersteuning`,
    targetGroup: (where) => `${where}: de doelgroep`,
    notAList: (what) => `${what}: verwacht een lijst van regels.`,
    tooMany: (what, max) => `${what}: hoogstens ${max} regels.`,
    notALine: (where) => `${where}: geen geldige regel.`,
    unknownLine: (where, key, version) =>
      `${where}: ${key} is geen regel van dit format (versie ${version}).`,
    duplicateLine: (where) => `${where}: deze regel komt meer dan eens voor.`,
    requiredLine: (what, label) => `${what}: de verplichte regel '${label}' ontbreekt.`,
    amountRequired: (where) => `${where}: het bedrag is verplicht.`,
    amountNotANumber: (where) => `${where}: het bedrag moet een getal zijn.`,
    amountDecimals: (where, value) =>
      `${where}: het bedrag ${value} heeft meer dan twee decimalen.`,
    amountAmbiguous: (where, value, int, frac) =>
      `${where}: het bedrag ${value} is dubbelzinnig; schrijf ${int}${frac} of ${int}.${frac},00.`,
    amountFormat: (where, value) =>
      `${where}: ${value} is geen geldig bedrag; schrijf bijvoorbeeld 1234,56.`,
    amountNegative: (where) => `${where}: het bedrag mag niet negatief zijn.`,
    fteRequired: (where) => `${where}: het aantal fte is verplicht.`,
    fteRange: (where, max) => `${where}: het aantal fte moet tussen 0 en ${max} liggen.`,
    fteDecimals: (where, value) =>
      `${where}: het aantal fte ${value} heeft meer dan twee decimalen.`,
    fteNotANumber: (where) => `${where}: het aantal fte moet een getal zijn.`,
    fteFormat: (where, value) =>
      `${where}: ${value} is geen geldig aantal fte; schrijf bijvoorbeeld 0,8.`,
    textRequired: (what) => `${what} is verplicht.`,
    textTooLong: (what, max) => `${what} is langer dan ${max} tekens.`,
    appendixNotEqual: (appendix, extra) =>
      `Bijlage: de fte in de bijlage (${appendix}) moet gelijk zijn aan de fte voor extra ondersteuning bij de uitgaven (${extra}).`,
    appendixExceeds: (appendix, extra) =>
      `Bijlage: de fte in de bijlage (${appendix}) is meer dan de fte voor extra ondersteuning bij de uitgaven (${extra}).`,
  },
  format: {
    notAnObject: 'Het format moet een object zijn.',
    version: 'Versie: moet een geheel getal van 1 of hoger zijn.',
    section: { income: 'Ontvangsten', expenses: 'Uitgaven', appendix: 'Bijlage' },
    line: (section, n) => `${section}, regel ${n}`,
    keyFormat: (where) =>
      `${where}: de sleutel moet met een kleine letter beginnen en mag alleen kleine letters, cijfers en _ bevatten (hoogstens 63 tekens).`,
    duplicateKey: (where, key) => `${where}: de sleutel '${key}' komt meer dan eens voor.`,
    labelRequired: (where) => `${where}: de omschrijving is verplicht.`,
    labelTooLong: (where, max) => `${where}: de omschrijving is langer dan ${max} tekens.`,
    requiredFlag: (where) => `${where}: 'verplicht' moet waar of onwaar zijn.`,
    noLines: (what) => `${what}: het format heeft minstens één regel nodig.`,
    tooMany: (what, max) => `${what}: hoogstens ${max} regels.`,
    notALine: (where) => `${where}: geen geldige regel.`,
    categoryFormat: (where) =>
      `${where}: de categorie moet met een kleine letter beginnen en mag alleen kleine letters, cijfers en _ bevatten.`,
    appendixMissing: 'Bijlage: de regel voor de fte in de bijlage ontbreekt.',
    fteRule: (rules) => `Bijlage: de fte-regel moet een van ${rules} zijn.`,
    extraSupportRequired: 'Bijlage: de categorie extra ondersteuning is verplicht.',
    unknownCategory: (category) => `Bijlage: geen uitgavenregel heeft de categorie '${category}'.`,
  },
  visitation: {
    schoolYear: (year, supported) => `Schooljaar '${year}' is onbekend; mogelijk: ${supported}.`,
    kind: 'Kies collegiale visitatie of audit.',
    playbook: 'Kies het draaiboek.',
    teamSize: (max) => `Een team telt 1 tot ${max} mensen (de voorzitter meegeteld).`,
    maxVisits: (max) => `Het aantal visites per visitator is 1 tot ${max}.`,
    windows: 'Geef minstens één visiteperiode.',
    windowDate: 'Geen geldige datum (jjjj-mm-dd).',
    windowOrder: 'Het einde ligt voor het begin.',
    windowYear: (year) => `De periode valt buiten schooljaar ${year}.`,
    hosts: (max) => `Geef 1 tot ${max} scholen, locaties of processen om te visiteren.`,
    visitors: (max) => `Hoogstens ${max} visitatoren.`,
    id: 'Een id is verplicht.',
    duplicate: (id) => `Het id '${id}' komt dubbel voor.`,
    name: 'Een naam is verplicht.',
    hostKind: 'Kies school, locatie of proces.',
    region: (regions) => `Kies een vakantieregio: ${regions}.`,
    date: 'Geen geldige datum (jjjj-mm-dd).',
    visitorMax: (max) => `Het maximum is 0 tot ${max} visites.`,
    trained: 'Geef aan of de visitator getraind voorzitter is.',
  },
};
