/**
 * The SWV's administration of its schakeltrajecten: the settings under "Beheer"
 * (/app/admin/transitions) and a case's access log for the privacy officer (FG).
 */
export const transitionAdmin = {
  tsTitle: 'Instellingen schakeltrajecten',
  tsLink: 'Instellingen van de schakeltrajecten',
  tsIntro:
    'Hoe lang elke fase van een schakeltraject mag duren, wanneer een traject stilstaat, hoe vaak het OPP wordt geëvalueerd en hoe lang de persoonsgegevens worden bewaard. Wijzigingen gelden voor trajecten die daarna worden geopend; lopende trajecten houden hun eigen instellingen.',
  tsPhasesLegend: 'Termijn per fase (werkdagen van de scholen)',
  tsPhasesHint:
    'Geteld vanaf het begin van de fase, zonder weekenden, feestdagen en schoolvakanties van de regio.',
  tsOrientationDays: 'Oriëntatie',
  tsConsultationDays: 'Overleg',
  tsDecisionDays: 'Besluit',
  tsHandoverDays: 'Overdracht',
  tsEvaluationWeeks: 'Evaluatie van het OPP in de uitvoering, elke … weken',
  tsStallBusinessDays: 'Een traject staat stil na … werkdagen zonder stap',
  tsStallHint:
    'Dan krijgt de eigenaar van de fase een herinnering, daarna het ECT-lid en daarna het secretariaat.',
  tsEscalationBusinessDays: 'Werkdagen tussen herinnering en elke volgende melding',
  tsRetentionMonths: 'Bewaartermijn na afsluiten (maanden)',
  tsRetentionHint:
    'Daarna worden naam, geboortedatum, notities en documenten van het traject verwijderd.',
  tsDefaultHint: (value: number) => `Standaard ${value}.`,
  tsSaved: 'De instellingen van de schakeltrajecten zijn opgeslagen.',
  tsDefaultsInForce: 'Nu gelden de standaardinstellingen.',
  talLink: 'Toegangslog',
  talLinkLabel: (school: string) => `Toegangslog van het traject van ${school}`,
  talTitle: 'Toegangslog van een schakeltraject',
  talIntro:
    'Wie dit traject heeft geopend, geëxporteerd of een document heeft gedownload, en wanneer de persoonsgegevens zijn verwijderd. Voor de functionaris gegevensbescherming (FG). Het log kan niet worden gewijzigd.',
  talCase: (vso: string, regular: string | null) =>
    regular ? `Traject van ${vso} naar ${regular}` : `Traject van ${vso}`,
  talWhen: 'Wanneer',
  talWho: 'Wie',
  talWhat: 'Wat',
  talNone: 'Niemand heeft dit traject nog geopend.',
  talSystem: 'Het systeem (bewaartermijn)',
  talAction: {
    read: 'Traject bekeken',
    export: 'AVG-export gedownload',
    download: 'Document gedownload',
    erase: 'Persoonsgegevens verwijderd',
  },
  talBack: 'Terug naar de schakeltrajecten',
};
