import { renderSchoolMail } from './accountability-templates';

describe('the mail that tells a school it was waived', () => {
  const data = (comments?: string) =>
    ({
      organisationName: 'SWV VO Stadsring',
      recipientName: 'Femke de Boer',
      schoolName: 'Lyceum Oosterpoort',
      accountingYear: 2026,
      deadline: '2027-02-01T22:59:59.999Z',
      daysLate: 0,
      formatVersion: 1,
      taskUrl: null,
      ...(comments ? { comments } : {}),
    }) as Parameters<typeof renderSchoolMail>[2];

  it('says why, in the reader’s language, with the word the web app uses', () => {
    const nl = renderSchoolMail('nl', 'waived', data('Gefuseerd met Stadsring College'));
    expect(nl.subject).toContain('vrijgesteld – Lyceum Oosterpoort');
    expect(nl.text).toContain('Reden: Gefuseerd met Stadsring College');
    const en = renderSchoolMail('en', 'waived', data('Merged with Stadsring College'));
    expect(en.subject).toContain('waived – Lyceum Oosterpoort');
    expect(en.text).toContain(
      'has waived the accountability 2026 for Lyceum Oosterpoort. Nothing more needs to be submitted.',
    );
    expect(en.text).toContain('Reason: Merged with Stadsring College');
  });

  it('leaves the reason out when there is none', () => {
    expect(renderSchoolMail('nl', 'waived', data()).text).not.toContain('Reden:');
  });
});
