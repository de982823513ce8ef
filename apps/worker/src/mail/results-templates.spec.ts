import { renderRoundResultMail, type RoundResultMailData } from './results-templates';

describe('the mail with a body’s outcome', () => {
  const base: RoundResultMailData = {
    organisationName: 'SWV VO Stadsring',
    recipientName: 'Jan Dekker',
    subject: 'Begroting 2027',
    round: 1,
    bodyName: 'Algemene Ledenvergadering',
    decisionKind: 'goedkeuring',
    result: 'approved',
    decidedBy: 'votes',
    tally: {
      forWeight: 3,
      againstWeight: 0,
      abstainWeight: 0,
      votedMembers: 1,
      totalMembers: 10,
    } as RoundResultMailData['tally'],
    vote: 'for',
    taskUrl: 'https://jaarcyclus.example/app/tasks/t1',
  };

  it('tells the members of a body cancelled by another body’s rejection that their vote ended, and why', () => {
    const cancelled: RoundResultMailData = {
      ...base,
      result: 'cancelled',
      endedBy: { name: 'Ondersteuningsplanraad', decisionKind: 'instemming', result: 'rejected' },
    };
    const voted = renderRoundResultMail('nl', cancelled);
    expect(voted.subject).toBe(
      '[SWV VO Stadsring] Stemming beëindigd: Begroting 2027 – Algemene Ledenvergadering',
    );
    expect(voted.text).toContain(
      'De Ondersteuningsplanraad heeft de instemming met "Begroting 2027" onthouden (ronde 1).',
    );
    expect(voted.text).toContain(
      'Daarmee is de stemming van de Algemene Ledenvergadering in ronde 1 beëindigd',
    );
    expect(voted.text).toContain('U stemde voor.');
    expect(voted.text).toContain('Bekijk de stemming: https://jaarcyclus.example/app/tasks/t1');
    // No tally of a vote that never finished.
    expect(voted.text).not.toContain('Stemgewicht');

    const silent = renderRoundResultMail('en', { ...cancelled, vote: null });
    expect(silent.subject).toBe(
      '[SWV VO Stadsring] Vote ended: Begroting 2027 – Algemene Ledenvergadering',
    );
    expect(silent.text).toContain(
      'The Ondersteuningsplanraad withheld consent to "Begroting 2027" (round 1).',
    );
    expect(silent.text).toContain('You had not voted yet; your task has lapsed.');
  });

  it('names a round ended without quorum as such', () => {
    const mail = renderRoundResultMail('nl', {
      ...base,
      result: 'cancelled',
      endedBy: { name: 'Raad van Toezicht', decisionKind: 'goedkeuring', result: 'no_quorum' },
    });
    expect(mail.text).toContain(
      'De stemming van de Raad van Toezicht over "Begroting 2027" (ronde 1) is gesloten zonder quorum',
    );
  });
});
