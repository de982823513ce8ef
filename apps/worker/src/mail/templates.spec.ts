import {
  computeAllocation,
  DEFAULT_RESERVE_RULE,
  reserveRuleForYear,
  type ReserveRule,
} from '@jaarcyclus/domain';
import {
  adoptionSentence,
  dutchArticle,
  renderAllocationLetter,
  renderEscalationMail,
} from './templates';

const stadsring = [
  { name: 'Algemene Ledenvergadering', decisionKind: 'goedkeuring' as const },
  { name: 'Raad van Toezicht', decisionKind: 'goedkeuring' as const },
  { name: 'Ondersteuningsplanraad', decisionKind: 'instemming' as const },
];

const LETTER_URL = 'https://jaarcyclus.example/app/letters/0b6c3f0e-2a51-4f4e-9d7a-4a1f0c2e9b11';

/** A small board's letter, after the Stadsring bodies decided. */
const smallBoardLetter = {
  organisationName: 'SWV VO Stadsring',
  decisions: stadsring,
  recipientName: 'Gerrit Hoekstra',
  budgetYear: 2027,
  date: '2026-12-15T08:00:00.000Z',
  board: {
    boardId: 'b1',
    name: 'Stichting Hunzeborg',
    pupilCount: 10,
    amountPerPupilCents: 100_00,
    variableCents: 1_000_00,
    fixedCents: 0,
    schools: [],
    deductions: [],
    totalCents: 1_000_00,
  },
  reserve: { status: 'within', warning: null },
} as unknown as Parameters<typeof renderAllocationLetter>[1];

describe('the allocation letter names the bodies that decided', () => {
  it('uses the article a Dutch reader expects', () => {
    expect(dutchArticle('Raad van Toezicht')).toBe('de');
    expect(dutchArticle('Ondersteuningsplanraad')).toBe('de');
    expect(dutchArticle('ALV')).toBe('de');
    expect(dutchArticle('Algemeen Bestuur')).toBe('het');
    expect(dutchArticle('Dagelijks bestuur ')).toBe('het');
  });

  it('says who approved and who consented, in the cycle’s order', () => {
    expect(adoptionSentence('nl', 'SWV VO Stadsring', 2027, stadsring)).toBe(
      'De directeur-bestuurder heeft de begroting 2027 van SWV VO Stadsring vastgesteld, na goedkeuring door de Algemene Ledenvergadering ' +
        'en de Raad van Toezicht, en instemming van de Ondersteuningsplanraad.',
    );
    expect(adoptionSentence('en', 'SWV VO Stadsring', 2027, stadsring)).toBe(
      'The directeur-bestuurder has adopted the budget 2027 of SWV VO Stadsring, after approval by the Algemene Ledenvergadering and the Raad van Toezicht, and consent of the Ondersteuningsplanraad.',
    );
  });

  it('does not speak of an ALV to an SWV governed by an Algemeen Bestuur', () => {
    const rijnoever = [
      { name: 'Algemeen Bestuur', decisionKind: 'goedkeuring' as const },
      { name: 'OPR', decisionKind: 'instemming' as const },
      { name: 'Adviesraad', decisionKind: 'advies' as const },
    ];
    const sentence = adoptionSentence('nl', 'SWV PO Rijnoever', 2027, rijnoever);
    expect(sentence).toBe(
      'De directeur-bestuurder heeft de begroting 2027 van SWV PO Rijnoever vastgesteld, na goedkeuring door het Algemeen Bestuur en instemming van de OPR.',
    );
    expect(sentence).not.toContain('ALV');
    expect(sentence).not.toContain('Adviesraad');
  });

  it('reads without a dangling clause when only one kind of decision was taken, or none', () => {
    expect(adoptionSentence('nl', 'X', 2028, [{ name: 'OPR', decisionKind: 'instemming' }])).toBe(
      'De directeur-bestuurder heeft de begroting 2028 van X vastgesteld, na instemming van de OPR.',
    );
    expect(adoptionSentence('nl', 'X', 2028, [])).toBe(
      'De directeur-bestuurder heeft de begroting 2028 van X vastgesteld.',
    );
  });

  it('puts the sentence in the letter, in the person’s language', () => {
    const data = smallBoardLetter;
    expect(renderAllocationLetter('nl', data, LETTER_URL).text).toContain(
      'na goedkeuring door de Algemene Ledenvergadering en de Raad van Toezicht',
    );
    expect(renderAllocationLetter('en', data, LETTER_URL).text).toContain(
      'after approval by the Algemene Ledenvergadering',
    );
  });

  it('links to the letter as a PDF in the web app, in text and HTML', () => {
    const data = smallBoardLetter;
    const nl = renderAllocationLetter('nl', data, LETTER_URL);
    expect(nl.text).toContain(
      'U vindt deze brief ook in Jaarcyclus, als pdf om te bewaren of af te drukken.',
    );
    expect(nl.text).toContain(LETTER_URL);
    expect(nl.html).toContain(`<a href="${LETTER_URL}">Open de brief als pdf</a>`);
    expect(renderAllocationLetter('en', data, LETTER_URL).html).toContain(
      `<a href="${LETTER_URL}">Open the letter as a PDF</a>`,
    );
  });
});

describe('numbers in the mails read as the reader writes them', () => {
  const escalation = (votedMembers: number) => ({
    organisationName: 'SWV VO Stadsring',
    recipientName: 'Ingrid Wolters',
    role: 'secretariat' as const,
    bodyName: 'Algemene Ledenvergadering',
    subject: 'Begroting 2027',
    round: 1,
    deadline: '2026-12-10T16:00:00.000Z',
    votedMembers,
    totalMembers: 10,
    votedWeight: 4010,
    totalWeight: 16_500,
    notVoted: ['Stichting Hunzeborg'],
    cycleUrl: 'http://localhost:3000/app/cycles/budget/2027',
  });

  it('lets the verb agree with one member or more, with thousands separated', () => {
    const nl = (n: number) =>
      renderEscalationMail('nl', escalation(n) as Parameters<typeof renderEscalationMail>[1]).text;
    expect(nl(1)).toContain('1 van de 10 leden heeft gestemd (stemgewicht 4.010 van 16.500)');
    expect(nl(3)).toContain('3 van de 10 leden hebben gestemd');
    expect(
      renderEscalationMail('en', escalation(1) as Parameters<typeof renderEscalationMail>[1]).text,
    ).toContain('1 of 10 members voted (vote weight 4,010 of 16,500)');
  });

  it('writes a board’s pupil count with a thousands separator in the allocation letter', () => {
    const data = (pupilCount: number) => ({
      ...smallBoardLetter,
      board: {
        ...smallBoardLetter.board,
        pupilCount,
        variableCents: pupilCount * 100_00,
        totalCents: pupilCount * 100_00,
      },
    });
    expect(renderAllocationLetter('nl', data(4010), LETTER_URL).text).toContain(
      'Variabel bedrag: 4.010 leerlingen × € 100,00',
    );
    expect(renderAllocationLetter('en', data(4010), LETTER_URL).text).toContain(
      'Variable amount: 4,010 pupils × € 100,00',
    );
    expect(renderAllocationLetter('nl', data(1), LETTER_URL).text).toContain(
      'Variabel bedrag: 1 leerling × € 100,00',
    );
  });
});

describe('the reserve of the SWV in the allocation letter', () => {
  const letter = (
    locale: 'nl' | 'en',
    reserve: ReserveRule = DEFAULT_RESERVE_RULE,
    equityCents = 150_000_00,
  ) => {
    const allocation = computeAllocation({
      boards: [{ boardId: 'b1', name: 'Stichting Hunzeborg', pupilCount: 1000 }],
      schools: [],
      amountPerPupilCents: 185_00,
      equityCents,
      turnoverCents: 10_000_000_00,
      reserve,
    });
    return renderAllocationLetter(
      locale,
      {
        organisationName: 'SWV VO Stadsring',
        decisions: stadsring,
        recipientName: 'Gerrit Hoekstra',
        budgetYear: 2027,
        date: '2026-12-15T08:00:00.000Z',
        board: allocation.boards[0]!,
        reserve: allocation.reserve,
      },
      LETTER_URL,
    ).text;
  };

  it('warns in the reader’s language, where the English letter quoted the Dutch', () => {
    expect(letter('nl')).toContain(
      'Reserve van het samenwerkingsverband: Het eigen vermogen (1,50% van de omzet) ligt onder de streefwaarde van 2,00%.',
    );
    expect(letter('en')).toContain(
      'Reserve of the SWV: Equity (1,50% of turnover) is below the target of 2,00%.',
    );
    expect(letter('en')).not.toContain('in Dutch');
  });

  it('names the reserve rule that applied: the default, or the SWV’s own with its cap (004)', () => {
    expect(letter('nl')).toContain(
      'Toegepaste reserveregel: streefwaarde 2,00% van de omzet, maximum 3,50%; een tekort wordt aangezuiverd in 1 jaar',
    );
    const kennemerland = reserveRuleForYear(
      {
        targetBasisPoints: 0,
        ceilingBasisPoints: 350,
        recoveryYears: 1,
        capCents: 300_000_00,
        capFromYear: 2025,
      },
      2027,
    );
    const own = letter('nl', kennemerland, 320_000_00);
    expect(own).toContain(
      'Toegepaste reserveregel: streefwaarde 0,00% van de omzet, maximum 3,50% en ten hoogste € 300.000,00',
    );
    expect(own).toContain('boven het maximum van € 300.000,00');
    expect(letter('en', kennemerland, 320_000_00)).toContain(
      'Reserve rule applied: target 0,00% of turnover, maximum 3,50% and at most € 300.000,00',
    );
  });
});
