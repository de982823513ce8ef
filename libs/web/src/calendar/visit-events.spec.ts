import type { VisitRecord } from '@jaarcyclus/persistence';
import { visitEvents } from './visit-events';

const visit = (id: string, status: string, visitDate: string): VisitRecord => ({
  id,
  organisationId: 'o',
  programmeId: 'p',
  hostId: 'h',
  hostName: 'Lyceum Oosterpoort',
  hostKind: 'school',
  region: 'noord',
  schoolId: 's',
  contactPersonIds: [],
  visitDate,
  team: [],
  workflowId: 'w',
  status,
  state: {},
});

describe('visits in the calendar feed', () => {
  it('blocks the visit day 09:00–15:00 Amsterdam (winter time) with a link to the visit', () => {
    const [e] = visitEvents([visit('v1', 'scheduled', '2027-02-04')], {
      locale: 'nl',
      publicUrl: 'https://jc.test',
    });
    expect(e).toEqual({
      uid: 'visit-v1@jaarcyclus',
      summary: 'Visite bij Lyceum Oosterpoort',
      url: 'https://jc.test/app/visits/v1',
      start: new Date('2027-02-04T08:00:00Z'),
      end: new Date('2027-02-04T14:00:00Z'),
      alarmBefore: 'P1D',
    });
  });

  it('leaves a cancelled visit out and writes English for an English reader', () => {
    const events = visitEvents(
      [visit('v1', 'cancelled', '2027-02-04'), visit('v2', 'confirmed', '2027-06-10')],
      { locale: 'en', publicUrl: 'https://jc.test' },
    );
    expect(events.map((e) => [e.uid, e.summary, e.start.toISOString()])).toEqual([
      ['visit-v2@jaarcyclus', 'Visit at Lyceum Oosterpoort', '2027-06-10T07:00:00.000Z'],
    ]);
  });
});
