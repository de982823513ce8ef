/** 'Mijn taken': the task inbox and a task's page. */
export const tasks = {
  tasksTitle: 'Mijn taken',
  openTasks: 'Openstaande taken',
  doneTasks: 'Afgeronde taken',
  noOpenTasks: 'U heeft geen openstaande taken.',
  noOpenTasksHint: 'Zodra er iets van u gevraagd wordt, ziet u het hier en krijgt u een e-mail.',
  noDoneTasks: 'Nog geen afgeronde taken.',
  deadline: 'Deadline',
  noDeadline: 'Geen deadline',
  daysLeft: (days: number) =>
    days < -1
      ? `${-days} dagen te laat`
      : days === -1
        ? '1 dag te laat'
        : days === 0
          ? 'vandaag'
          : days === 1
            ? 'morgen'
            : `nog ${days} dagen`,
  completedOn: (date: string) => `op ${date}`,
  taskKind: {
    vote: 'Stemmen',
    adopt: 'Vaststellen',
    submit: 'Indienen',
    review: 'Beoordelen',
    evaluate: 'Evalueren',
    visit_confirm: 'Visitedatum bevestigen',
    visit_report: 'Rapport of zelfevaluatie inleveren',
    visit_follow_up: 'Verbeteractie uitvoeren',
    visit_check: 'Verbeteracties controleren',
  },
  taskStatus: {
    open: 'Open',
    done: 'Afgerond',
    cancelled: 'Vervallen',
  },
  status: 'Status',
  kind: 'Soort',
  backToTasks: 'Terug naar mijn taken',
  addToCalendar: 'Deadline in mijn agenda zetten (.ics)',
  taskLaterHere: 'Deze taak kunt u binnenkort op deze pagina afhandelen.',
  taskClosed: 'Deze taak is niet meer open.',
};
