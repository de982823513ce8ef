/**
 * Test data for the office's home and agenda (issue #16): the read models the workflows write
 * (cycle rows with their published state, tasks, school accountability, outbox rows), inserted
 * directly, for two SWVs, so a test sees each concern without running a year of workflows.
 */
export type Query = (sql: string, params?: unknown[]) => Promise<unknown>;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface OfficeFixture {
  stadsring: string;
  rijnoever: string;
  lateSchoolName: string;
  /** The vote deadline of the ALV (3 days ahead) and the allocation letters (40 days ahead). */
  voteDeadline: Date;
  lettersDate: Date;
}

async function one<T>(query: Query, sql: string, params: unknown[] = []): Promise<T> {
  const rows = (await query(sql, params)) as T[];
  if (!rows[0]) throw new Error(`fixture: nothing for ${sql}`);
  return rows[0];
}

function bodyView(
  key: string,
  name: string,
  status: string,
  deadline: Date,
  opts: { quorumReached?: boolean; notVoted?: number; escalatedAt?: string | null } = {},
) {
  return {
    bodyKey: key,
    name,
    decisionKind: 'goedkeuring',
    votingRule: null,
    chair: null,
    status,
    deadline: deadline.toISOString(),
    tally: null,
    quorumReached: opts.quorumReached ?? false,
    voted: [],
    notVoted: Array.from({ length: opts.notVoted ?? 0 }, (_, i) => ({
      personId: `00000000-0000-4000-8000-00000000000${i}`,
      name: `Lid ${i}`,
      weight: 1,
    })),
    remindersSent: 0,
    nextReminderAt: null,
    escalatedAt: opts.escalatedAt ?? null,
    escalationSentAt: opts.escalatedAt ?? null,
    decidedAt: null,
    decidedBy: null,
    closedByPersonId: null,
  };
}

export async function seedOfficeFixture(query: Query, now = new Date()): Promise<OfficeFixture> {
  const org = async (slug: string) =>
    (await one<{ id: string }>(query, `SELECT id FROM organisation WHERE slug = $1`, [slug])).id;
  const person = async (email: string) =>
    (await one<{ id: string }>(query, `SELECT id FROM person WHERE email = $1`, [email])).id;
  const stadsring = await org('stadsring');
  const rijnoever = await org('rijnoever');
  const voteDeadline = new Date(now.getTime() + 3 * DAY_MS);
  const lettersDate = new Date(now.getTime() + 40 * DAY_MS);
  const budgetYear = new Date(now.getTime() + 365 * DAY_MS).getUTCFullYear();

  // Budget: the ALV without quorum three days before its deadline, the RvT escalated, OPR done.
  const budgetId = `budget:${stadsring}:${budgetYear}`;
  await query(
    `INSERT INTO cycle (organisation_id, kind, year, workflow_id, title, status, state, state_seq)
     VALUES ($1, 'budget', $2, $3, $4, 'voting', $5, 1)`,
    [
      stadsring,
      budgetYear,
      budgetId,
      `Begroting ${budgetYear}`,
      JSON.stringify({
        phase: 'voting',
        voteDeadline: voteDeadline.toISOString(),
        lettersDate: lettersDate.toISOString(),
        letters: { scheduledFor: null, sentAt: null, result: null },
        bodies: [
          bodyView('alv', 'Algemene Ledenvergadering', 'open', voteDeadline, { notVoted: 2 }),
          bodyView('rvt', 'Raad van Toezicht', 'escalated', new Date(now.getTime() - DAY_MS), {
            notVoted: 1,
            escalatedAt: new Date(now.getTime() - DAY_MS / 2).toISOString(),
          }),
          bodyView('opr', 'Ondersteuningsplanraad', 'approved', voteDeadline, {
            quorumReached: true,
          }),
        ],
      }),
    ],
  );
  const alvMember = await person('j.dekker@ovo-stadsring.example');
  const rvtChair = await person('a.veenstra@rvt.stadsring.example');
  for (const [personId, ref] of [
    [alvMember, 'r1:alv'],
    [rvtChair, 'r1:rvt'],
  ] as const) {
    await query(
      `INSERT INTO task (organisation_id, person_id, workflow_id, kind, ref_key, title, due_at)
       VALUES ($1, $2, $3, 'vote', $4, $5, $6)`,
      [stadsring, personId, budgetId, ref, `Stem over de begroting ${budgetYear}`, voteDeadline],
    );
  }

  // Accountability: one school late, its submit task overdue.
  const accountingYear = budgetYear - 2;
  const cycleId = `accountability:${stadsring}:${accountingYear}`;
  const secretariat = await person('secretariaat@stadsring.example');
  await query(
    `INSERT INTO accountability_format (organisation_id, version, income_lines, expense_lines, appendix, created_by_person_id)
     VALUES ($1, 1, '[{"key":"a"}]', '[{"key":"b"}]', '{}', $2) ON CONFLICT DO NOTHING`,
    [stadsring, secretariat],
  );
  await query(
    `INSERT INTO accountability_cycle (organisation_id, workflow_id, accounting_year, format_version, deadline)
     VALUES ($1, $2, $3, 1, $4)`,
    [stadsring, cycleId, accountingYear, new Date(now.getTime() - 10 * DAY_MS)],
  );
  await query(
    `INSERT INTO cycle (organisation_id, kind, year, workflow_id, title, status)
     VALUES ($1, 'accountability', $2, $3, $4, 'running')`,
    [stadsring, accountingYear, cycleId, `Verantwoording ${accountingYear}`],
  );
  const school = await one<{ id: string; name: string; contact: string }>(
    query,
    `SELECT s.id, s.name, p.id AS contact FROM school s
       JOIN person p ON p.organisation_id = s.organisation_id AND p.email = 'zorg@stadsring-college.example'
      WHERE s.organisation_id = $1 AND s.name = 'Stadsring College'`,
    [stadsring],
  );
  const schoolWorkflow = `${cycleId}:${school.id}`;
  await query(
    `INSERT INTO school_accountability (organisation_id, workflow_id, cycle_workflow_id, accounting_year,
       school_id, format_version, status, deadline, days_late, late_since)
     VALUES ($1, $2, $3, $4, $5, 1, 'late', $6, 10, $6)`,
    [
      stadsring,
      schoolWorkflow,
      cycleId,
      accountingYear,
      school.id,
      new Date(now.getTime() - 10 * DAY_MS),
    ],
  );
  await query(
    `INSERT INTO task (organisation_id, person_id, workflow_id, kind, ref_key, title, due_at)
     VALUES ($1, $2, $3, 'submit', 'submit', $4, $5)`,
    [
      stadsring,
      school.contact,
      schoolWorkflow,
      `Verantwoording ${accountingYear} indienen`,
      new Date(now.getTime() - 10 * DAY_MS),
    ],
  );

  // A refused address of each SWV.
  for (const [organisationId, to] of [
    [stadsring, 'weg@school.example'],
    [rijnoever, 'weg@rijnoever.example'],
  ] as const) {
    await query(
      `INSERT INTO outbox_message (idempotency_key, organisation_id, to_address, subject, text_body, html_body, status, last_error, last_attempt_at)
       VALUES ($1, $2, $3, 'Uitnodiging', 'x', '<p>x</p>', 'failed', '550 Mailbox unavailable', now())`,
      [`fixture:${organisationId}:invite`, organisationId, to],
    );
  }

  // Another SWV's cycle with a body of its own, which the first SWV must never see.
  await query(
    `INSERT INTO cycle (organisation_id, kind, year, workflow_id, title, status, state, state_seq)
     VALUES ($1, 'budget', $2, $3, 'Begroting Rijnoever', 'voting', $4, 1)`,
    [
      rijnoever,
      budgetYear,
      `budget:${rijnoever}:${budgetYear}`,
      JSON.stringify({
        phase: 'voting',
        lettersDate: lettersDate.toISOString(),
        bodies: [bodyView('ab', 'Algemeen Bestuur Rijnoever', 'open', voteDeadline)],
      }),
    ],
  );
  return { stadsring, rijnoever, lateSchoolName: school.name, voteDeadline, lettersDate };
}
