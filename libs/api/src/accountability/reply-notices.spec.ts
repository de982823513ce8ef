import { renderReplyNotice } from './reply-notices';

describe('the mail that tells the other side of a reply', () => {
  const notice = (locale: 'nl' | 'en', side: 'school' | 'office') =>
    renderReplyNotice(locale, {
      organisationName: 'SWV VO Stadsring',
      recipientName: 'Ingrid Wolters',
      year: 2025,
      schoolName: 'Stadsring College',
      side,
      link: 'https://jaarcyclus.example/app/accountability/2025#thread',
    });

  it('says who replied, in the reader’s language, and links to the conversation', () => {
    expect(notice('nl', 'school').subject).toBe(
      '[SWV VO Stadsring] Verantwoording 2025: nieuwe reactie – Stadsring College',
    );
    expect(notice('nl', 'office').text).toContain(
      'Het secretariaat heeft gereageerd in het gesprek over de verantwoording 2025 van Stadsring College.',
    );
    const en = notice('en', 'school');
    expect(en.subject).toBe(
      '[SWV VO Stadsring] Accountability 2025: new reply – Stadsring College',
    );
    expect(en.text).toContain(
      'Stadsring College replied in the conversation on its accountability 2025.',
    );
    expect(en.html).toContain(
      '<a href="https://jaarcyclus.example/app/accountability/2025#thread">Open the conversation</a>',
    );
  });
});
