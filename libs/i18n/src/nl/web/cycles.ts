import type { ScheduleKind } from '../../web-types';

/** The cycles page and a new budget cycle: the form and its preview. */
export const cycles = {
  cyclesTitle: 'Cycli',
  cyclesIntro:
    'De jaarlijkse besluitvorming van het samenwerkingsverband. Open een cyclus om de stemming en de planning te volgen.',
  budgetCycles: 'Begrotingscycli',
  runningCycles: 'Lopende cycli',
  finishedCycles: 'Afgeronde cycli',
  noCycles: 'Er is nog geen begrotingscyclus.',
  noCyclesSecretariat: 'Start de begrotingscyclus met de knop ‘Nieuwe begrotingscyclus’.',
  noCyclesOthers: 'Het secretariaat start de begrotingscyclus.',
  noFinishedCycles: 'Nog geen afgeronde cycli.',
  newBudgetCycle: 'Nieuwe begrotingscyclus',
  budgetYear: 'Begrotingsjaar',
  cycleTitle: 'Titel',
  lastUpdated: 'Laatst bijgewerkt',
  phase: 'Fase',
  phaseName: {
    voting: 'Stemming loopt',
    rejected_awaiting_revision: 'Afgewezen: wacht op een herziene versie',
    dispute: 'Geschil: instemming onthouden',
    awaiting_adoption: 'Wacht op vaststelling door de directeur-bestuurder',
    awaiting_letters: 'Vastgesteld: toekenningsbrieven gepland',
    letters_sent: 'Afgerond: toekenningsbrieven verstuurd',
  },
  phaseUnknown: 'Onbekend',
  newCycleIntro:
    'Vul de gegevens in en bekijk eerst het voorbeeld. Daarin staan alle herinneringen, de deadline, het moment van escalatie en de datum van de toekenningsbrieven. De cyclus start pas als u dat bevestigt.',
  sectionProposal: 'Voorstel',
  sectionFigures: 'Bedragen voor de toekenning',
  sectionDates: 'Planning',
  budgetYearHint:
    'Het kalenderjaar waarvoor de begroting geldt. ALV, RvT en OPR besluiten in december van het jaar ervoor.',
  titleOptional: 'Titel (niet verplicht)',
  titleHint: 'Leeg laten: ‘Begroting’ met het begrotingsjaar.',
  proposalUrl: 'Link naar het voorstel',
  proposalUrlHint:
    'Of een webadres dat begint met https://, bijvoorbeeld een document op het intranet. Alleen als u geen bestand kiest.',
  proposalFile: 'Bestand met het voorstel',
  proposalFileHint: (max: string) =>
    `PDF, Word, Excel of OpenDocument, hoogstens ${max}. Geef een bestand óf een link, niet allebei.`,
  proposalFileReplaceHint: (max: string) =>
    `Kies alleen een bestand als u het geüploade bestand wilt vervangen. PDF, Word, Excel of OpenDocument, hoogstens ${max}.`,
  uploadedFile: 'Geüpload bestand',
  removeUploadedFile: 'Dit bestand niet gebruiken',
  proposalSourceMissing: 'Kies een bestand met het voorstel of vul de link naar het voorstel in.',
  proposalSourceBoth:
    'Geef een bestand óf een link, niet allebei. Maak de link leeg of kies ‘Dit bestand niet gebruiken’.',
  versionLabel: 'Versie',
  versionLabelHint: 'Zoals de leden de versie herkennen, bijvoorbeeld ‘Concept v1’.',
  amountPerPupil: 'Bedrag per leerling (€)',
  amountPerPupilHint: 'Het variabele bedrag per leerling in euro’s, bijvoorbeeld 185,00.',
  equity: 'Eigen vermogen (€)',
  equityHint: 'Het huidige eigen vermogen in euro’s. Mag negatief zijn, bijvoorbeeld -12.500,00.',
  turnover: 'Totale baten (€)',
  turnoverHint: 'De bruto-omzet in euro’s: de basis van de reservenorm van 2%.',
  amountRequired: 'Vul een bedrag in euro’s in, zoals 1.234,56.',
  voteDeadline: 'Deadline van de stemming',
  voteDeadlineHint:
    'Datum en tijd (Nederlandse tijd), zoals 11-12-2026 17:00. Standaard: de laatste werkdag tot en met 12 december, 17:00.',
  lettersDate: 'Verzending toekenningsbrieven',
  lettersDateHint:
    'Datum en tijd (Nederlandse tijd). Standaard: de eerste werkdag vanaf 15 december, 09:00.',
  reminderOffsets: 'Herinneringen (werkdagen voor de deadline)',
  reminderOffsetsHint:
    'Aantallen werkdagen, gescheiden door komma’s, zoals 7, 2. Leeg laten: de instelling van uw samenwerkingsverband.',
  previewButton: 'Voorbeeld',
  previewTitle: 'Voorbeeld van de begrotingscyclus',
  previewIntro:
    'Controleer de gegevens en de planning. De cyclus start pas als u op ‘Start de cyclus’ drukt; de leden krijgen dan een stemuitnodiging.',
  schedule: 'Planning',
  when: 'Wanneer',
  what: 'Wat',
  scheduleKind: {
    reminder: 'Herinnering',
    deadline: 'Deadline',
    escalation: 'Escalatie',
    letters: 'Toekenningsbrieven',
  } satisfies Record<ScheduleKind, string>,
  scheduleText: {
    reminder: 'Herinnering aan leden die nog niet hebben gestemd',
    deadline: 'De stemming sluit',
    escalation: 'Escalatie naar voorzitter en secretariaat als het quorum niet is gehaald',
    letters: 'Toekenningsbrieven naar scholen en schoolbesturen',
  } satisfies Record<ScheduleKind, string>,
  decidingBodies: 'Organen die besluiten',
  reminderDays: (days: number[]) =>
    days.length === 0
      ? 'geen'
      : `${days.join(' en ')} werkdag${days.length === 1 && days[0] === 1 ? '' : 'en'} voor de deadline`,
  startCycle: 'Start de cyclus',
  change: 'Wijzigen',
  startUnavailable: 'Starten lukt op dit moment niet. Probeer het over enkele minuten opnieuw.',
  cycleStarted: 'De begrotingscyclus is gestart. De leden krijgen een stemuitnodiging.',
  cycleExisted: 'Voor dit begrotingsjaar bestaat al een cyclus. U ziet hem hieronder.',
};
