import { HourlyWindow, ThreadGate } from './at-limits';

describe('HourlyWindow', () => {
  it('counts requests in a rolling hour and tells when the oldest leaves it', () => {
    let now = 1_000_000;
    const window = new HourlyWindow(2, () => now);
    expect([window.take(), window.take()]).toEqual([0, 0]);
    now += 600_000;
    expect(window.take()).toBe(3000);
    expect(window.count()).toBe(2);
    now += 3_000_000;
    expect(window.count()).toBe(0);
    expect(window.take()).toBe(0);
  });
});

describe('ThreadGate', () => {
  it('admits at most max requests per key at once', () => {
    const gate = new ThreadGate(3);
    expect([1, 2, 3, 4].map(() => gate.enter('a'))).toEqual([true, true, true, false]);
    expect(gate.enter('b')).toBe(true);
    gate.leave('a');
    expect(gate.inFlight('a')).toBe(2);
    expect(gate.enter('a')).toBe(true);
    gate.leave('b');
    gate.leave('b');
    expect(gate.inFlight('b')).toBe(0);
  });
});
