/** The SWV's schakeltraject settings under "Beheer" (/app/admin/transitions). */
export const transitionSettings = {
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
};
