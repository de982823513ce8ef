import {
  defaultVoteSecrecy,
  effectiveVoteSecrecy,
  isVoteSecrecy,
  strictestVoteSecrecy,
  voteVisibility,
  type VoteSecrecy,
  type VoteViewer,
} from './secrecy';

const ADMIN: VoteViewer = { roles: ['admin'], chair: false };
const SECRETARIAT: VoteViewer = { roles: ['secretariat'], chair: false };
const DIRECTOR: VoteViewer = { roles: ['director'], chair: false };
const CHAIR: VoteViewer = { roles: ['body_member'], chair: true };
const MEMBER: VoteViewer = { roles: ['body_member'], chair: false };
const VIEWERS = { ADMIN, SECRETARIAT, DIRECTOR, CHAIR, MEMBER };

/** `totals perMember comments` per viewer, for a compact table. */
function table(secrecy: VoteSecrecy, closed: boolean): Record<string, string> {
  return Object.fromEntries(
    Object.entries(VIEWERS).map(([name, viewer]) => {
      const v = voteVisibility(secrecy, viewer, closed);
      return [name, `${v.totals ? 'T' : '-'}${v.perMember ? 'P' : '-'} ${v.comments}`];
    }),
  );
}

describe('vote secrecy', () => {
  it('defaults per decision kind: approval sealed until close, consent secret, advice open', () => {
    expect(defaultVoteSecrecy('goedkeuring')).toBe('totals_after_close');
    expect(defaultVoteSecrecy('instemming')).toBe('secret');
    expect(defaultVoteSecrecy('advies')).toBe('open');
    expect(defaultVoteSecrecy(null)).toBe('secret');
    expect(effectiveVoteSecrecy(null, 'instemming')).toBe('secret');
    expect(effectiveVoteSecrecy('open', 'instemming')).toBe('open');
    expect(isVoteSecrecy('totals_after_close')).toBe(true);
    expect(isVoteSecrecy('public')).toBe(false);
    expect(isVoteSecrecy(undefined)).toBe(false);
  });

  it('open: the office, the director and the chair read every vote and comment while voting', () => {
    expect(table('open', false)).toEqual({
      ADMIN: 'TP named',
      SECRETARIAT: 'TP named',
      DIRECTOR: 'TP named',
      CHAIR: 'TP named',
      MEMBER: 'T- none',
    });
  });

  it('totals only after close: nobody, not even the office, sees totals or votes while open', () => {
    expect(table('totals_after_close', false)).toEqual({
      ADMIN: '-- none',
      SECRETARIAT: '-- none',
      DIRECTOR: '-- none',
      CHAIR: '-- none',
      MEMBER: '-- none',
    });
    expect(table('totals_after_close', true)).toEqual({
      ADMIN: 'TP named',
      SECRETARIAT: 'TP named',
      DIRECTOR: 'TP named',
      CHAIR: 'TP named',
      MEMBER: 'T- none',
    });
  });

  it('secret: never a vote by name; totals after close; comments without names for secretariat and chair', () => {
    expect(table('secret', false)).toEqual({
      ADMIN: '-- none',
      SECRETARIAT: '-- none',
      DIRECTOR: '-- none',
      CHAIR: '-- none',
      MEMBER: '-- none',
    });
    expect(table('secret', true)).toEqual({
      ADMIN: 'T- none',
      SECRETARIAT: 'T- anonymous',
      DIRECTOR: 'T- none',
      CHAIR: 'T- anonymous',
      MEMBER: 'T- none',
    });
  });

  it('protects a round with the strictest rule the body had while it ran', () => {
    expect(strictestVoteSecrecy('open', [])).toBe('open');
    expect(strictestVoteSecrecy('open', ['secret'])).toBe('secret');
    expect(strictestVoteSecrecy('open', ['totals_after_close', 'open'])).toBe('totals_after_close');
    expect(strictestVoteSecrecy('secret', ['open'])).toBe('secret');
  });

  it('always shows the turnout', () => {
    for (const secrecy of ['open', 'totals_after_close', 'secret'] as const) {
      for (const viewer of Object.values(VIEWERS)) {
        expect(voteVisibility(secrecy, viewer, false).turnout).toBe(true);
      }
    }
  });
});
