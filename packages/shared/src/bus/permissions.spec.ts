import { BUS_IDENTITIES } from '../contracts/bus-identities';
import { RPC_NAMES } from '../contracts/rpcs';
import { BROADCAST_NAMES } from '../contracts/broadcasts';
import { busPermissions, inboxPrefix, streamsOf } from './permissions';

const rpcRequests = (identity: (typeof BUS_IDENTITIES)[number]) =>
  busPermissions(identity, 'seatwise').publish.filter((s) => s.startsWith('seatwise.rpc.'));

describe('bus permissions', () => {
  it('lets the gateway request every RPC, alerts only ticket creation, and no other identity any', () => {
    expect(rpcRequests('gateway')).toHaveLength(RPC_NAMES.length);
    expect(rpcRequests('alerts')).toEqual(['seatwise.rpc.reconcile.tickets.create']);
    for (const identity of ['duo-connector', 'discovery', 'reconcile', 'provisioner'] as const) {
      expect(rpcRequests(identity)).toEqual([]);
    }
  });

  it('gives Duo events to the connector alone, and to the provisioner that replays dead letters', () => {
    for (const identity of BUS_IDENTITIES) {
      const duo = busPermissions(identity, 'seatwise').publish.filter((s) => s.startsWith('seatwise.duo.'));
      expect(duo.length > 0).toBe(identity === 'duo-connector' || identity === 'provisioner');
    }
  });

  it('gives the JetStream management API to the provisioner alone; services get their own durables only', () => {
    for (const identity of BUS_IDENTITIES) {
      const { publish } = busPermissions(identity, 'seatwise');
      expect(publish.includes('$JS.API.>')).toBe(identity === 'provisioner');
      expect(publish.some((s) => s.startsWith('$JS.API.STREAM.CREATE') || s.startsWith('$JS.API.STREAM.DELETE'))).toBe(
        false,
      );
    }
    const reconcile = busPermissions('reconcile', 'seatwise').publish;
    expect(reconcile).toContain('$JS.API.CONSUMER.MSG.NEXT.SEATWISE_DUO_ACCOUNTS.reconcile-accounts');
    expect(reconcile.some((s) => s.includes('discovery-authlogs'))).toBe(false);
  });

  it('subscribes each identity to its own inbox and RPC subjects only', () => {
    const discovery = busPermissions('discovery', 'seatwise');
    expect(discovery.subscribe).toEqual([
      `${inboxPrefix('discovery')}.>`,
      'seatwise.rpc.discovery.>',
      // What JetStream gave up on, for its own durables only (dead-lettered from the stream by sequence).
      '$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.SEATWISE_DUO_AUTHLOGS.discovery-authlogs',
      '$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.SEATWISE_DUO_USERS.discovery-users',
    ]);
    expect(discovery.publish).toContain('$JS.API.STREAM.MSG.GET.SEATWISE_DUO_AUTHLOGS');
    expect(discovery.allowResponses).toBe(true);
    expect(busPermissions('gateway', 'seatwise').allowResponses).toBe(false);
  });

  it.each([
    ['gateway', 'gateway.rate-limits'],
    ['duo-connector', 'duo-connector.accounts-listed'],
  ] as const)("lets %s's replicas, and no other identity, publish and subscribe to %s", (owner, name) => {
    const subject = `seatwise.${name}`;
    for (const identity of BUS_IDENTITIES) {
      const { publish, subscribe } = busPermissions(identity, 'seatwise');
      const expected = identity === owner ? [subject] : [];
      expect(publish.filter((pattern) => matches(pattern, subject))).toEqual(expected);
      expect(subscribe.filter((pattern) => matches(pattern, subject))).toEqual(expected);
    }
    expect(busPermissions(owner, null).subscribe).toContain(`*.${name}`);
  });

  it('knows every broadcast', () => {
    expect(BROADCAST_NAMES).toEqual(['gateway.rate-limits', 'duo-connector.accounts-listed']);
  });

  it('widens prefixes to a wildcard for the test harness, where services also create their missing streams', () => {
    const harness = busPermissions('duo-connector', null);
    expect(harness.publish).toContain('*.duo.authlog.*');
    expect(harness.publish).toContain('$JS.API.STREAM.CREATE.*');
    expect(busPermissions('duo-connector', 'seatwise').publish).not.toContain(
      '$JS.API.STREAM.CREATE.SEATWISE_DUO_AUTHLOGS',
    );
  });

  it('names the streams a service checks at start-up: those it publishes into or consumes from', () => {
    expect(streamsOf('gateway')).toEqual([]);
    expect(streamsOf('reconcile').sort()).toEqual([
      'DEAD_LETTER',
      'DISCOVERY',
      'DUO_ACCOUNTS',
      'INTEGRATIONS',
      'RECONCILE',
    ]);
  });

  it("lets another system's subscriber read any stream through its own durables, denying Seatwise's", () => {
    const { publish, publishDeny, subscribe } = busPermissions('subscriber', 'seatwise');
    expect(publish).toContain('$JS.API.CONSUMER.MSG.NEXT.SEATWISE_DUO_AUTHLOGS.*');
    expect(publishDeny).toContain('$JS.API.CONSUMER.MSG.NEXT.SEATWISE_DUO_AUTHLOGS.discovery-authlogs');
    expect(publishDeny).toContain('$JS.ACK.SEATWISE_RECONCILE.alerts-reconcile.>');
    expect(publish.some((s) => s.startsWith('seatwise.'))).toBe(false);
    expect(subscribe).toEqual([`${inboxPrefix('subscriber')}.>`]);
    expect(busPermissions('discovery', 'seatwise').publishDeny).toEqual([]);
  });
});

// NATS subject match: '*' one token, a trailing '>' one or more.
function matches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return s.length > i;
    if (p[i] !== '*' && p[i] !== s[i]) return false;
  }
  return p.length === s.length;
}
