/**
 * The SWV's governance as the budget start shows it (its own bodies and their decision kinds),
 * a cycle whose workflow failed, and when the first mails go out.
 */
export const governance = {
  sectionBodies: 'Besluitvorming',
  bodiesIntro:
    'Het voorstel gaat naar deze organen van uw samenwerkingsverband. Daarna stelt de directeur-bestuurder de begroting vast.',
  bodiesFromAdmin: 'De organen en hun soort besluit beheert een beheerder onder Beheer › Organen.',
  bodyDecides: (name: string, kind: string) => `${name}: ${kind}`,
  bodiesMissing: 'Deze cyclus kan nog niet starten',
  phaseFailed: 'Mislukt: gestopt',
  cycleFailedTitle: 'Deze cyclus is mislukt',
  cycleFailedText:
    'De cyclus is gestopt en loopt niet verder: er gaan geen uitnodigingen, herinneringen of brieven meer uit, en open taken van deze cyclus zijn vervallen. Het begrotingsjaar is weer vrij.',
  cycleFailedWhatToDo:
    'Controleer onder Beheer › Organen of elk orgaan leden heeft en of er een directeur-bestuurder is, en start de cyclus opnieuw.',
  cycleFailedOthers: 'Het secretariaat kan de cyclus opnieuw starten.',
  startAgain: 'Cyclus opnieuw starten',
  invitationsWaiting: (when: string) =>
    `De uitnodigingen gaan uit op ${when}, binnen kantoortijd. Dan opent de stemming.`,
  reserveRuleTitle: 'Reserveregel',
  reserveRuleIntro:
    'Hoe hoog het eigen vermogen mag zijn. Ligt het onder de streefwaarde, dan wordt het tekort aangezuiverd door het bedrag per leerling te verlagen. De toekenningsbrieven en het voorbeeld van de begroting noemen de regel. Alles leeg: 2%, 3,5%, in 1 jaar, geen maximumbedrag.',
  reserveTarget: 'Streefwaarde (% van de omzet)',
  reserveTargetHint: 'Bijvoorbeeld 2. Vul 0 in als u geen ondergrens hanteert.',
  reserveCeiling: 'Maximum (% van de omzet)',
  reserveCeilingHint: 'Bijvoorbeeld 3,5: de signaleringswaarde van OCW.',
  reserveRecoveryYears: 'Tekort aanzuiveren in (jaren)',
  reserveRecoveryYearsHint: 'Over hoeveel jaar een tekort wordt verdeeld, 1 tot en met 10.',
  reserveCap: 'Maximumbedrag (€, niet verplicht)',
  reserveCapHint: 'Bijvoorbeeld 300.000. Leeg: alleen het percentage geldt.',
  reserveCapFromYear: 'Maximumbedrag geldt vanaf (jaar, niet verplicht)',
  reserveCapFromYearHint:
    'Het eerste begrotingsjaar waarin het maximumbedrag geldt. Leeg: elk jaar.',
  reserveDefaultTarget: '2% (standaard)',
  reserveDefaultCeiling: '3,5% (standaard)',
  reserveNoCap: 'Geen',
  reserveEveryYear: 'Elk jaar',
  reserveRuleRow: 'Reserveregel',
  calendarRow: 'Kalender',
  calendarOffice:
    'Werkdagen van het bureau en de bestuursleden: weekends en feestdagen tellen niet mee, schoolvakanties wel.',
  calendarSchool: (region: string) =>
    `Schooldagen van regio ${region}: uitnodigingen en herinneringen aan scholen slaan weekends, feestdagen en de schoolvakanties van regio ${region} over. Escalaties naar het bestuur en het ECT-lid volgen de werkdagen (alleen weekends en feestdagen vrij).`,
  regionName: { noord: 'Noord', midden: 'Midden', zuid: 'Zuid' } as Record<
    'noord' | 'midden' | 'zuid',
    string
  >,
  invitationsAt: 'Uitnodigingen',
  invitationsNow: 'Direct na de start',
  invitationsLater: (when: string) =>
    `${when}: het eerste moment op een werkdag tussen 08:00 en 18:00 (nu valt buiten die tijden)`,
};
