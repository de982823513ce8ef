import { MESSAGES } from './i18n';

describe('counted texts agree with their number', () => {
  it('says one member "heeft" voted and several "hebben", in both languages', () => {
    expect(MESSAGES.nl.quorumMembers('1', '10')).toBe('1 van 10 leden heeft gestemd');
    expect(MESSAGES.nl.quorumMembers('2', '10')).toBe('2 van 10 leden hebben gestemd');
    expect(MESSAGES.en.quorumMembers('1', '10')).toBe('1 of 10 members has voted');
    expect(MESSAGES.en.quorumMembers('0', '10')).toBe('0 of 10 members have voted');
  });

  it('counts the schools of an overview in the singular when there is one', () => {
    expect(MESSAGES.nl.acc.filterShown(1, 1)).toBe('1 school');
    expect(MESSAGES.nl.acc.filterShown(34, 34)).toBe('34 scholen');
    expect(MESSAGES.nl.acc.filterShown(1, 34)).toBe('1 van 34 scholen');
    expect(MESSAGES.en.acc.filterShown(1, 1)).toBe('1 school');
  });
});
