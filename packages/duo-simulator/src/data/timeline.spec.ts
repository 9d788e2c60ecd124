import { Timeline } from './timeline';

describe('Timeline', () => {
  const t = new Timeline(42, 10_000, 1_000_000, 2_000_000, null);

  it('is non-decreasing and inside its window', () => {
    let previous = -Infinity;
    for (let i = 0; i < t.count; i++) {
      const ts = t.tsAt(i);
      expect(ts).toBeGreaterThanOrEqual(previous);
      previous = ts;
    }
    expect(t.tsAt(0)).toBeGreaterThanOrEqual(1_000_000);
    expect(t.tsAt(t.count - 1)).toBeLessThan(2_000_000);
  });

  it('maps times to indices by binary search', () => {
    const ts = t.tsAt(5000);
    expect(t.tsAt(t.firstAtOrAfter(ts))).toBe(ts);
    expect(t.tsAt(t.countAtOrBefore(ts))).toBeGreaterThan(ts);
    expect(t.countAtOrBefore(3_000_000)).toBe(10_000);
    expect(t.firstAtOrAfter(0)).toBe(0);
  });

  it('keeps growing after the history in live mode', () => {
    const live = new Timeline(42, 100, 0, 100_000, 10);
    expect(live.countAtOrBefore(100_000)).toBe(100);
    expect(live.countAtOrBefore(200_000)).toBeGreaterThan(800);
    expect(live.tsAt(100)).toBeGreaterThanOrEqual(100_000);
  });
});
