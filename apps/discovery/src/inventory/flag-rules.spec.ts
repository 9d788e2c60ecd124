import { usageFlags } from './flag-rules';

describe('usage flags', () => {
  const rules = { ratePercent: 20, minAttempts: 10 };

  it('flags any fraud report, whatever the attempts', () => {
    expect(usageFlags({ attempts: 1, denials: 1, fraud: 1 }, rules)).toEqual(['fraud']);
    expect(usageFlags({ attempts: 1_000, denials: 1, fraud: 1 }, rules)).toEqual(['fraud']);
  });

  it('flags a denial rate at or above the threshold once there are enough attempts', () => {
    expect(usageFlags({ attempts: 10, denials: 2, fraud: 0 }, rules)).toEqual(['denial-rate']);
    expect(usageFlags({ attempts: 10, denials: 1, fraud: 0 }, rules)).toEqual([]);
    // 100 % of too few attempts is not unusual yet.
    expect(usageFlags({ attempts: 9, denials: 9, fraud: 0 }, rules)).toEqual([]);
    expect(usageFlags({ attempts: 50, denials: 20, fraud: 3 }, rules)).toEqual(['fraud', 'denial-rate']);
  });

  it('follows the configured thresholds', () => {
    const strict = { ratePercent: 5, minAttempts: 100 };
    expect(usageFlags({ attempts: 100, denials: 5, fraud: 0 }, strict)).toEqual(['denial-rate']);
    expect(usageFlags({ attempts: 99, denials: 50, fraud: 0 }, strict)).toEqual([]);
  });

  it('flags nothing without attempts', () => {
    expect(usageFlags({ attempts: 0, denials: 0, fraud: 0 }, rules)).toEqual([]);
  });
});
