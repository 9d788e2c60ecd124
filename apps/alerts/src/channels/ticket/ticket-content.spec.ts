import { ticketCreateRequestSchema } from '@seatwise/shared/contracts/reconcile-tickets';
import { hostileAlert, notificationOf } from '../__fixtures__/notifications';
import { idempotencyKeyOf, ticketRequests } from './ticket-content';

describe('ticket requests', () => {
  it('files one ticket for an alert about an account, keyed by the notification id', () => {
    const [request, ...rest] = ticketRequests(notificationOf('alert_1.opened.ach_t', [hostileAlert()]), 12);
    expect(rest).toEqual([]);
    expect(request).toMatchObject({ accountId: 'DA123', boardId: 12, idempotencyKey: 'alert_1.opened.ach_t' });
    // What reconcile accepts, byte for byte (summary ≤ 100, description ≤ 10,000, key characters).
    expect(ticketCreateRequestSchema.parse(request)).toEqual(request);
    expect(request?.summary).toBe(
      'Seatwise Alert: Sync failing for <script>alert(1)</script> — Acme & <Sons> "Ltd" — Zürich (DA123)',
    );
    expect(request?.description).toContain('Duo answered 40103');
  });

  it('files nothing for alerts about no account', () => {
    expect(ticketRequests(notificationOf('n', [hostileAlert({ accountId: null })]), 1)).toEqual([]);
  });

  it('files one ticket per account of a digest, each with its own alerts and key', () => {
    const alerts = [
      hostileAlert(),
      hostileAlert({ alertId: 'a2', accountId: 'DA456', accountName: 'Beta', title: 'Beta stopped sending logs' }),
      hostileAlert({ alertId: 'a3', accountId: null, title: 'A new unmatched service' }),
    ];
    const requests = ticketRequests(notificationOf('digest_1', alerts, 'digest'), 7);
    expect(requests.map((r) => [r.accountId, r.idempotencyKey])).toEqual([
      ['DA123', 'digest_1:DA123'],
      ['DA456', 'digest_1:DA456'],
    ]);
    expect(requests[1]?.description).toContain('Beta stopped sending logs');
    expect(requests[1]?.description).not.toContain('Sync failing');
    expect(requests[0]?.description).not.toContain('unmatched');
  });

  it('truncates a long title to the PSA summary limit and keeps keys to allowed characters', () => {
    const [request] = ticketRequests(notificationOf('n', [hostileAlert({ title: 'x'.repeat(300) })]), 1);
    expect(request?.summary).toHaveLength(100);
    expect(request?.summary.endsWith('…')).toBe(true);
    expect(idempotencyKeyOf('a b/c', 'DA1')).toBe('a-b-c:DA1');
    expect(idempotencyKeyOf('k'.repeat(300), null)).toHaveLength(200);
  });
});
