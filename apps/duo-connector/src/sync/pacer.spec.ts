import { Pacer } from './pacer';

describe('Pacer', () => {
  it('spaces requests per account and class at the configured rate', () => {
    const pacer = new Pacer({ logs: 30, objects: 120 });
    expect(pacer.delayMs('a', 'logs', 0)).toBe(0);
    pacer.take('a', 'logs', 0);
    expect(pacer.delayMs('a', 'logs', 0)).toBe(2_000);
    expect(pacer.delayMs('a', 'logs', 1_500)).toBe(500);
    expect(pacer.delayMs('a', 'logs', 2_000)).toBe(0);
    expect(pacer.delayMs('a', 'objects', 0)).toBe(0);
    expect(pacer.delayMs('b', 'logs', 0)).toBe(0);
  });

  it('never saves up a burst', () => {
    const pacer = new Pacer({ logs: 60, objects: 60 });
    pacer.take('a', 'logs', 0);
    expect(pacer.delayMs('a', 'logs', 10 * 60_000)).toBe(0);
    pacer.take('a', 'logs', 10 * 60_000);
    expect(pacer.delayMs('a', 'logs', 10 * 60_000)).toBe(1_000);
  });
});
