import type { tasks as nl } from '../../nl/web/tasks';

export const tasks: typeof nl = {
  tasksTitle: 'My tasks',
  openTasks: 'Open tasks',
  doneTasks: 'Completed tasks',
  noOpenTasks: 'You have no open tasks.',
  noOpenTasksHint: 'When something is asked of you, you will see it here and receive an email.',
  noDoneTasks: 'No completed tasks yet.',
  deadline: 'Deadline',
  noDeadline: 'No deadline',
  daysLeft: (days) =>
    days < -1
      ? `${-days} days overdue`
      : days === -1
        ? '1 day overdue'
        : days === 0
          ? 'today'
          : days === 1
            ? 'tomorrow'
            : `${days} days left`,
  completedOn: (date) => `on ${date}`,
  taskKind: {
    vote: 'Vote',
    adopt: 'Adopt',
    submit: 'Submit',
    review: 'Review',
    evaluate: 'Evaluate',
    visit_confirm: 'Confirm the visit date',
    visit_report: 'Hand in a report or self-evaluation',
    visit_follow_up: 'Carry out a follow-up action',
    visit_check: 'Check the follow-up actions',
  },
  taskStatus: { open: 'Open', done: 'Completed', cancelled: 'Cancelled' },
  status: 'Status',
  kind: 'Type',
  backToTasks: 'Back to my tasks',
  addToCalendar: 'Add the deadline to my calendar (.ics)',
  taskLaterHere: 'You will soon be able to complete this task on this page.',
  taskClosed: 'This task is no longer open.',
};
