/** The secretariat's extra views of the accountability: date preview, reminding late schools, history, versions compared. */
export const accountabilityOffice = {
  accOffice: {
    previewTitle: 'Data voor elke school',
    previewIntro:
      'Zo verloopt de verantwoording voor een school die niet indient, berekend met dezelfde regels als het proces zelf: op werkdagen van de scholen, tussen 08:00 en 18:00.',
    previewButton: 'Bekijk de data',
    previewWhen: 'Wanneer',
    previewWhat: 'Wat',
    previewInvitation: 'Uitnodiging en taak voor de contactpersonen van de school',
    previewReminder: (n: number) => `Herinnering ${n} vóór de deadline`,
    previewDeadline: 'Deadline',
    previewEscalation: 'Melding aan de bestuurder en het ECT-lid als de school te laat is',
    previewOverdue: 'Wekelijkse herinnering na de deadline',
    previewOverdueMore: (max: number) =>
      `Daarna elke week een herinnering, ten hoogste ${max} na de deadline.`,
    previewShown: 'De data hieronder gelden voor de ingevulde deadline en herinneringsdagen.',
    remindTitle: 'Late scholen herinneren',
    remindIntro: (n: number) =>
      n === 1
        ? 'Eén school is te laat. Met één klik krijgen de contactpersonen van die school een herinnering.'
        : `${n} scholen zijn te laat. Met één klik krijgen de contactpersonen van elke late school een herinnering.`,
    remindHours:
      'Buiten werktijd of in een schoolvakantie gaat de herinnering op het eerstvolgende werkmoment van de school.',
    remindButton: 'Herinner alle late scholen',
    remindConfirm: (n: number) =>
      n === 1
        ? 'Eén late school nu een herinnering sturen?'
        : `${n} late scholen nu elk een herinnering sturen?`,
    remindNone: 'Er zijn geen late scholen om te herinneren.',
    remindDone: (queued: number, already: number) =>
      `${queued === 1 ? 'Eén late school krijgt' : `${queued} late scholen krijgen`} een herinnering.` +
      (already > 0
        ? ` ${already === 1 ? 'Eén school had' : `${already} scholen hadden`} al een herinnering klaarstaan en krijgt er geen tweede.`
        : ''),
    remindSkipped: (n: number) =>
      `${n === 1 ? 'Eén school' : `${n} scholen`} kon niet worden herinnerd: ${n === 1 ? 'haar' : 'hun'} verantwoording is gestart vóór deze functie bestond. Stuur deze school zelf een bericht.`,
    remindFailed:
      'Het herinneren is niet gelukt. Vernieuw de pagina en probeer het opnieuw; scholen die al een herinnering kregen, krijgen er geen tweede.',
    threadTitle: 'Gesprek over de verantwoording',
    threadIntro:
      'De opmerkingen van het secretariaat en de reacties daarop. De school en het secretariaat kunnen reageren tot de verantwoording is geaccepteerd.',
    threadReview: (v: number) => `Opmerking van het secretariaat bij versie ${v}`,
    threadSchool: 'Reactie van de school',
    threadOffice: 'Reactie van het secretariaat',
    threadBy: (name: string) => `door ${name}`,
    replyLabel: 'Uw reactie',
    replyHint:
      'Bijvoorbeeld een toelichting of een vraag over de opmerking. Ten hoogste 4.000 tekens.',
    replyButton: 'Reactie plaatsen',
    replySent: 'Uw reactie is geplaatst.',
    schoolReplied: 'Nieuwe reactie van de school',
    historyTitle: 'Herinneringen en meldingen',
    historyIntro: 'Elke e-mail die over deze verantwoording is verstuurd, met ontvanger en status.',
    historyNone: 'Er is nog geen e-mail over deze verantwoording verstuurd.',
    historyWhen: 'Datum',
    historyWhat: 'Wat',
    historyTo: 'Aan',
    historyStatus: 'Status',
    historyKind: {
      invitation: 'Uitnodiging',
      reminder: 'Herinnering vóór de deadline',
      overdue: 'Herinnering na de deadline',
      escalation: 'Melding: school te laat',
      remind: 'Herinnering door het secretariaat',
      submitted: 'Verzoek om te beoordelen',
      returned: 'Teruggestuurd voor correctie',
      accepted: 'Geaccepteerd',
      extended: 'Deadline verlengd',
      waived: 'Vrijgesteld',
      other: 'Bericht',
    } as Record<string, string>,
    historyMailStatus: {
      sent: 'Verzonden',
      pending: 'Wacht op verzending',
      failed: 'Niet verzonden',
      dead: 'Niet verzonden',
    } as Record<string, string>,
    historyUnknownPerson: 'Onbekende ontvanger',
    diffTitle: (n: number) => `Wat is veranderd in versie ${n}`,
    diffIntro: (n: number) =>
      `Versie ${n} vergeleken met versie ${n - 1}; alleen de gewijzigde regels.`,
    diffNone: (n: number) => `Versie ${n} heeft dezelfde bedragen en bijlage als versie ${n - 1}.`,
    diffLine: 'Regel',
    diffBefore: (n: number) => `Versie ${n}`,
    diffAfter: (n: number) => `Versie ${n}`,
    diffFte: 'fte',
    diffAppendix: 'Bijlage',
    diffAbsent: '–',
  },
};
