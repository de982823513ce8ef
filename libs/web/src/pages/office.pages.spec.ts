import type { OfficeAgenda, OfficeOverview } from '@jaarcyclus/api/office/office.service';
import { agendaEvents } from '../calendar/agenda-events';
import { renderCalendar } from '../calendar/ical';
import { webContext } from '../testing/web-context';
import { agendaPage, cycleHref, officeHomePage } from './office.pages';

const overview: OfficeOverview = {
  at: '2026-12-07T12:00:00.000Z',
  running: [
    { kind: 'budget', year: 2027, title: 'Begroting 2027', status: 'voting', schools: {} },
    {
      kind: 'accountability',
      year: 2025,
      title: 'Verantwoording 2025',
      status: 'running',
      schools: { late: 1, accepted: 3 },
    },
    {
      kind: 'support_plan',
      year: 2026,
      title: 'Ondersteuningsplan',
      status: 'mystery',
      schools: {},
    },
  ],
  programmes: [],
  transitions: { open: 2, byPhase: { orientation: 1, decision: 1 } },
  attention: {
    lateSchools: [
      {
        year: 2025,
        schoolId: 's1',
        schoolName: 'Stadsring College',
        daysLate: 1,
        deadline: '2026-02-01T22:59:59.000Z',
      },
    ],
    bodies: [],
    mail: { retrying: 2, refused: 0, refusedRecent: [] },
    escalations: [],
    overdueTasks: [],
  },
  next: [],
};

const agenda: OfficeAgenda = {
  from: '2026-11-01T00:00:00.000Z',
  to: '2028-01-01T00:00:00.000Z',
  entries: [
    {
      at: '2026-12-11T16:00:00.000Z',
      what: 'deadline',
      cycleKind: 'budget',
      year: 2027,
      title: 'Begroting 2027',
      taskKind: 'vote',
      host: null,
      total: 12,
      open: 5,
    },
    {
      at: '2027-03-09T23:00:00.000Z',
      what: 'visit',
      cycleKind: 'visitation',
      year: null,
      title: 'Visitaties 2026-2027',
      taskKind: null,
      host: 'Het Baken, locatie Noord; vestiging "Zuid"',
      total: 0,
      open: 0,
    },
  ],
};

describe('the office’s overview and the year agenda (pages)', () => {
  it('writes every state and kind in words, in Dutch and in English, never a code', () => {
    const nl = officeHomePage(webContext({ roles: ['secretariat'] }), {
      overview,
      organisationName: 'SWV Stadsring',
    });
    expect(nl).toContain('Stadsring College: verantwoording 2025, 1 dag te laat');
    expect(nl).toMatch(/Scholen per status:\s+1 te laat, 3 geaccepteerd/);
    expect(nl).toContain('2 e-mails wachten');
    expect(nl).toContain('Oriëntatie: 1');
    // An unknown status reads as "running", not as its code.
    expect(nl).not.toContain('mystery');
    const en = officeHomePage(webContext({ locale: 'en', roles: ['secretariat'] }), {
      overview,
      organisationName: 'SWV Stadsring',
    });
    expect(en).toContain('Stadsring College: accountability 2025, 1 day late');
    expect(en).toContain('What runs');
    for (const code of ['support_plan', 'late_schools', 'voting<', 'orientation']) {
      expect(en).not.toContain(code);
      expect(nl).not.toContain(code);
    }
  });

  it('groups the agenda by month with Dutch dates and links every date to its cycle', () => {
    const page = agendaPage(webContext({ roles: ['secretariat'] }), {
      agenda,
      feed: null,
      newFeedUrl: null,
      message: null,
    });
    expect(page).toContain('<h2 id="agenda-month-0">december 2026</h2>');
    expect(page).toContain('<h2 id="agenda-month-1">maart 2027</h2>');
    expect(page).toContain('11 december 2026 om 17:00');
    expect(page).toContain('Deadline stemmen – Begroting 2027');
    expect(page).toContain('5 van 12 open');
    expect(page).toContain(`href="${cycleHref('budget', 2027)}"`);
    expect(cycleHref('support_plan', 2026)).toBe('/app/cycles/support-plan/2026-2030');
  });

  it('writes the feed: escaped, folded, a reminder a day ahead, a visit 09:00–15:00 on its day', () => {
    const ics = renderCalendar({
      name: 'Jaaragenda SWV Stadsring',
      now: new Date('2026-12-07T12:00:00.000Z'),
      events: agendaEvents(agenda.entries, { locale: 'nl', publicUrl: 'https://jc.example' }),
    });
    const lines = ics.replace(/\r\n /g, '').split('\r\n');
    expect(lines).toContain('SUMMARY:Deadline stemmen – Begroting 2027');
    expect(lines).toContain('DTSTART:20261211T153000Z');
    expect(lines).toContain('DTEND:20261211T160000Z');
    expect(lines).toContain('TRIGGER:-P1D');
    expect(lines).toContain(
      'SUMMARY:Visitatiedag Het Baken\\, locatie Noord\\; vestiging "Zuid" – Visitaties 2026-2027',
    );
    expect(lines).toContain('DTSTART:20270310T080000Z');
    expect(lines).toContain('DTEND:20270310T140000Z');
    expect(lines.filter((l) => l === 'BEGIN:VALARM')).toHaveLength(2);
    expect(lines).toContain('URL:https://jc.example/app/visitations');
  });
});
