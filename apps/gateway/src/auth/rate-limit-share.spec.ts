import { FakeClock } from './__fixtures__/session-fakes';
import { MemoryBus, PREFIX, replicaOn } from './__fixtures__/memory-bus';
import { SHARE_MAX_KEYS } from './rate-limit-share';

const SUBJECT = `${PREFIX}.gateway.rate-limits`;

// Two gateway replicas on one (in-memory) bus, each with a burst of 3 and 1 token a minute per key.
describe('RateLimitShare', () => {
  let bus: MemoryBus;
  let clock: FakeClock;

  beforeEach(() => {
    bus = new MemoryBus();
    clock = new FakeClock();
  });

  function replicas() {
    const a = replicaOn(bus, clock, 'gw-a');
    const b = replicaOn(bus, clock, 'gw-b');
    return {
      a: { ...a, requests: a.share.register('requests', 1, 3) },
      b: { ...b, requests: b.share.register('requests', 1, 3) },
    };
  }

  it("deducts another replica's spending, so a client alternating between them gets one burst", () => {
    const { a, b } = replicas();
    expect(a.requests.take('key:k1', clock.ms)).toBe(0);
    a.share.flush();
    expect(b.requests.take('key:k1', clock.ms)).toBe(0);
    b.share.flush();
    expect(a.requests.take('key:k1', clock.ms)).toBe(0);
    a.share.flush();
    expect(b.requests.take('key:k1', clock.ms)).toBeGreaterThan(0);
    expect(a.requests.take('key:k1', clock.ms)).toBeGreaterThan(0);
    // Other keys keep their own buckets.
    expect(b.requests.take('key:k2', clock.ms)).toBe(0);
  });

  it('sends one message per batch, with the tokens spent per key, and nothing when nothing was spent', () => {
    const { a } = replicas();
    a.requests.take('key:k1', clock.ms);
    a.requests.take('key:k1', clock.ms);
    a.requests.take('address:10.0.0.1', clock.ms);
    a.share.flush();
    a.share.flush();
    expect(bus.published).toEqual([{ subject: SUBJECT, data: expect.any(String) as string }]);
    expect(JSON.parse(bus.published[0]?.data ?? '')).toEqual({
      instanceId: 'gw-a',
      spent: { requests: { 'key:k1': 2, 'address:10.0.0.1': 1 } },
    });
  });

  it('keeps what was let through in the balance: a burst spent on both replicas at once is repaid', () => {
    const { a, b } = replicas();
    for (let i = 0; i < 3; i++) expect(a.requests.take('key:k1', clock.ms)).toBe(0);
    for (let i = 0; i < 3; i++) expect(b.requests.take('key:k1', clock.ms)).toBe(0);
    a.share.flush();
    b.share.flush();
    // Each replica owes the other's 3 tokens: at 1 a minute, 4 minutes until one is free again.
    expect(a.requests.take('key:k1', clock.ms)).toBe(240);
    clock.ms += 3 * 60_000;
    expect(b.requests.take('key:k1', clock.ms)).toBeGreaterThan(0);
    clock.ms += 60_000;
    expect(b.requests.take('key:k1', clock.ms)).toBe(0);
  });

  it('ignores its own messages, which NATS echoes back', () => {
    const { a } = replicas();
    a.requests.take('key:k1', clock.ms);
    a.requests.take('key:k1', clock.ms);
    a.share.flush();
    expect(bus.published).toHaveLength(1);
    expect(a.requests.take('key:k1', clock.ms)).toBe(0);
    expect(a.requests.take('key:k1', clock.ms)).toBeGreaterThan(0);
  });

  it('shares each limit separately: failed authentications do not spend requests', () => {
    const a = replicaOn(bus, clock, 'gw-a');
    const b = replicaOn(bus, clock, 'gw-b');
    const aFailures = a.share.register('unauthenticated', 1, 1);
    const bFailures = b.share.register('unauthenticated', 1, 1);
    const bRequests = b.share.register('requests', 1, 1);
    expect(aFailures.take('address:10.0.0.1', clock.ms)).toBe(0);
    a.share.flush();
    expect(bFailures.wait('address:10.0.0.1', clock.ms)).toBe(60);
    expect(bRequests.take('address:10.0.0.1', clock.ms)).toBe(0);
    expect(() => b.share.register('requests', 1, 1)).toThrow(/twice/);
  });

  it('logs and ignores a malformed message, and applies the next good one', () => {
    const { a, b } = replicas();
    const malformed = [
      'not json',
      '{}',
      JSON.stringify({ instanceId: 'gw-x', spent: { requests: { 'key:k1': -5 } } }),
      JSON.stringify({ instanceId: 'gw-x', spent: { requests: { 'key:k1': 1.5 } } }),
      JSON.stringify({ instanceId: 'gw-x', spent: { other: { 'key:k1': 3 } } }),
      JSON.stringify({ instanceId: 'gw-x', spent: { requests: { 'key:k1': 3 } }, extra: true }),
      JSON.stringify({ instanceId: '', spent: { requests: { 'key:k1': 3 } } }),
    ];
    for (const data of malformed) {
      expect(() => {
        bus.deliver(SUBJECT, data);
      }).not.toThrow();
    }
    expect(a.warnings).toHaveLength(malformed.length);
    expect(a.warnings.every((message) => message === 'gateway.rate-limits broadcast dropped')).toBe(true);
    expect(b.requests.take('key:k1', clock.ms)).toBe(0);
    // a spent nothing, so only the good message can have emptied its bucket.
    bus.deliver(SUBJECT, JSON.stringify({ instanceId: 'gw-x', spent: { requests: { 'key:k1': 3 } } }));
    expect(a.requests.take('key:k1', clock.ms)).toBeGreaterThan(0);
  });

  it('sends a large batch at once, without waiting for the interval', () => {
    const { a } = replicas();
    for (let i = 0; i < SHARE_MAX_KEYS; i++) a.requests.take(`address:10.0.${i >> 8}.${i & 255}`, clock.ms);
    expect(bus.published).toHaveLength(1);
    a.requests.take('key:k1', clock.ms);
    expect(bus.published).toHaveLength(1);
  });

  it('limits per replica while NATS is unreachable, never failing a request because of it', () => {
    const { a, b } = replicas();
    bus.connected = false;
    a.requests.take('key:k1', clock.ms);
    a.share.flush();
    expect(bus.published).toHaveLength(0);
    bus.connected = true;
    bus.failPublish = true;
    expect(a.requests.take('key:k1', clock.ms)).toBe(0);
    expect(() => {
      a.share.flush();
    }).not.toThrow();
    expect(a.warnings).toEqual(['gateway.rate-limits not broadcast; limiting per replica']);
    // What was not shared is not sent late either; b still has its whole burst.
    bus.failPublish = false;
    a.share.flush();
    for (let i = 0; i < 3; i++) expect(b.requests.take('key:k1', clock.ms)).toBe(0);
  });
});
