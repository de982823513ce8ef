/** The office's home page and the SWV's agenda (issue #16). */
export const office = {
  navOffice: 'Overzicht',
  navAgenda: 'Jaaragenda',
  of: {
    title: 'Overzicht',
    intro: (organisation: string) =>
      `Alle cycli van ${organisation} op één pagina: wat loopt, wat vandaag uw aandacht vraagt en de eerstvolgende data.`,
    runningTitle: 'Wat loopt er',
    runningNone: 'Er loopt op dit moment geen cyclus.',
    cycleKind: {
      budget: 'Begroting',
      accountability: 'Verantwoording',
      support_plan: 'Ondersteuningsplan',
      ect_evaluation: 'ECT-evaluatie',
      visitation: 'Visitatie',
      other: 'Cyclus',
    } as Record<string, string>,
    status: {
      voting: 'Stemming loopt',
      rejected_awaiting_revision: 'Afgewezen, wacht op herziening',
      dispute: 'Geschil',
      consent_withheld: 'Instemming onthouden',
      awaiting_adoption: 'Wacht op vaststelling',
      awaiting_letters: 'Wacht op de toekenningsbrieven',
      fanning_out: 'Scholen worden uitgenodigd',
      running: 'Loopt',
      inviting: 'Uitnodigingen gaan uit',
      open: 'Loopt',
      overdue: 'Scholen te laat',
    } as Record<string, string>,
    statusRunning: 'Loopt',
    schoolCounts: 'Scholen per status',
    schoolStatus: {
      not_started: 'niet gestart',
      draft: 'concept',
      submitted: 'ingediend',
      returned: 'teruggestuurd',
      accepted: 'geaccepteerd',
      late: 'te laat',
      waived: 'vrijgesteld',
    } as Record<string, string>,
    programmesTitle: 'Visitatieprogramma’s',
    programmeVisits: (open: number, total: number) =>
      `${open} van ${total} ${total === 1 ? 'bezoek' : 'bezoeken'} nog niet afgerond`,
    transitionsTitle: 'Schakeltrajecten',
    transitionsOpen: (n: number) =>
      n === 1 ? '1 lopend schakeltraject' : `${n} lopende schakeltrajecten`,
    transitionsNone: 'Geen lopende schakeltrajecten.',
    transitionsNote: 'Alleen aantallen per fase; de leerlingen ziet u hier niet.',
    attentionTitle: 'Vraagt vandaag uw aandacht',
    attentionNone: 'Niets vraagt vandaag uw aandacht.',
    lateSchoolsTitle: 'Scholen te laat met hun verantwoording',
    lateSchool: (school: string, year: number, days: number) =>
      `${school}: verantwoording ${year}, ${days === 1 ? '1 dag' : `${days} dagen`} te laat`,
    bodiesTitle: 'Organen zonder quorum',
    bodyNoQuorum: (body: string, cycle: string, notVoted: number) =>
      `${body} (${cycle}): nog geen quorum, ${notVoted === 1 ? '1 lid heeft' : `${notVoted} leden hebben`} niet gestemd`,
    bodyDeadline: (when: string) => `stemtermijn tot ${when}`,
    bodyLapsed: (when: string) => `stemtermijn verstreken op ${when}`,
    escalationsTitle: 'Escalaties',
    escalation: (body: string, cycle: string, when: string) =>
      `${body} (${cycle}): geëscaleerd naar voorzitter en secretariaat op ${when}`,
    mailTitle: 'E-mail die niet aankwam',
    mailRefused: (n: number) =>
      n === 1
        ? '1 adres weigerde een e-mail definitief. Verbeter het adres onder Beheer.'
        : `${n} adressen weigerden een e-mail definitief. Verbeter de adressen onder Beheer.`,
    mailRefusedItem: (to: string, subject: string) => `${to} – ${subject}`,
    mailRetrying: (n: number) =>
      n === 1
        ? '1 e-mail wacht: de mailserver weigert hem nu, wij proberen het opnieuw.'
        : `${n} e-mails wachten: de mailserver weigert ze nu, wij proberen het opnieuw.`,
    overdueTitle: 'Taken over hun deadline',
    overdueItem: (task: string, cycle: string, n: number, since: string) =>
      `${task} (${cycle}): ${n === 1 ? '1 taak' : `${n} taken`} open, de oudste sinds ${since}`,
    nextTitle: 'Eerstvolgende data',
    nextNone: 'Er staan geen data gepland.',
    toAgenda: 'Naar de jaaragenda',
    open: 'Openen',
  },
  rs: {
    decided: (body: string, outcome: string, ownVote: string | null) =>
      `Uitslag: de stemming van ${body} is afgerond. Uitkomst: ${outcome}.${ownVote ? ` Uw stem: ${ownVote}.` : ''}`,
  },
  ag: {
    title: 'Jaaragenda',
    intro:
      'Alle data van de cycli van het samenwerkingsverband, niet alleen uw eigen taken: deadlines, visitatiedagen en toekenningsbrieven, van vorige maand tot een jaar vooruit.',
    empty: 'Er staan geen data in deze periode.',
    deadline: (task: string, cycle: string) => `Deadline ${task.toLowerCase()} – ${cycle}`,
    openOfTotal: (open: number, total: number) => `${open} van ${total} open`,
    visit: (host: string, programme: string) => `Visitatiedag ${host} – ${programme}`,
    letters: (cycle: string) => `Toekenningsbrieven gaan uit – ${cycle}`,
    dateColumn: 'Datum',
    whatColumn: 'Wat',
    feedTitle: 'Jaaragenda in uw eigen agenda',
    feedIntro:
      'Met een agenda-abonnement ziet u alle data van de jaaragenda in Outlook, Google Agenda of Apple Agenda, met een herinnering vooraf. De link is persoonlijk: deel hem niet.',
    feedCreate: 'Agenda-link voor de jaaragenda aanmaken',
    feedRegenerate: 'Nieuwe agenda-link voor de jaaragenda aanmaken',
    feedNote:
      'Deze link opent alleen de jaaragenda. Uw agenda-link voor uw eigen taken (onder Agenda) staat daar los van en blijft werken. Wij tonen de link maar één keer: kwijt? Maak een nieuwe aan; de oude werkt dan niet meer.',
    feedUrlLabel: 'Agenda-link jaaragenda',
    feedRevoked:
      'De agenda-link van de jaaragenda is ingetrokken. Agenda’s die hem gebruikten, krijgen geen data meer.',
    feedCalendarName: (organisation: string) => `Jaaragenda ${organisation}`,
  },
};
