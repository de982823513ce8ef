import fs from 'node:fs';
import path from 'node:path';
import { workflowBundle } from '@jaarcyclus/testing';
import {
  type HistoryFixture,
  fromHistoryFixture,
  replayFailures,
} from '../../testing/history-fixture';

jest.setTimeout(60_000);

/**
 * Replay guard of the visit flow: every history committed in __histories__ must replay against
 * the current workflow code. A change that would break a running visit fails here; put it
 * behind `patched()` and record a new history next to the old one:
 *   RECORD_VISIT_HISTORY=<name> npx jest --selectProjects workflow --testPathPattern visitation/visit.wf-spec
 * writes __histories__/visit.<name>.json from the whole-programme test (commit it; never edit it).
 * Recorded: `representative` (invitation, confirmations, self-evaluation, the visit, the three
 * reports, one follow-up action with its reminder, the check after six months, closed) and
 * `remind-now` (the same, planned from its publication and with the secretariat's "herinner nu":
 * the patches `visit-planned-from-publication` and `visit-remind-now`).
 */
const HISTORIES = path.join(__dirname, '__histories__');

describe('visit flow: replay of recorded histories', () => {
  it('replays every committed history with the current workflow code', async () => {
    const histories = fs
      .readdirSync(HISTORIES)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((file) => ({
        ...(JSON.parse(fs.readFileSync(path.join(HISTORIES, file), 'utf8')) as HistoryFixture),
        file,
      }));
    expect(histories.length).toBeGreaterThan(0);
    const failures = await replayFailures(histories, {
      workflowBundle: workflowBundle(),
      replayName: 'visit-replay',
    });
    for (const f of histories) {
      const events = fromHistoryFixture(f).events;
      expect({
        file: f.file,
        type: events[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name,
        closed: Boolean(events.at(-1)?.workflowExecutionCompletedEventAttributes),
      }).toEqual({ file: f.file, type: 'visitWorkflow', closed: true });
    }
    expect(failures).toEqual([]);
  });
});
