import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeGateway } from '../../testing/fake-gateway';
import { renderRoute } from '../../testing/render';
import type { AuditEntry } from './audit-table';

// Whole screens in jsdom (Mantine, the router, several requests) run past jest's default 5 s when the
// suites run side by side.
jest.setTimeout(30_000);

// The whole console renders (layout, lazy route): its first screen takes longer than findBy's default second.
const FIRST_PAINT = { timeout: 8000 };

const entry: AuditEntry = {
  id: 'aud_1',
  at: '2026-03-02T10:00:00.000Z',
  actor: 'ops-admin',
  action: 'row.approve',
  targetKind: 'row',
  targetId: 'row_42',
  accountId: 'acc_1',
  note: 'checked with the customer',
  details: { ids: ['row_42'], effectiveDate: '2026-03-01' },
};

function gateway(): FakeGateway {
  return new FakeGateway()
    .on('GET /api/v1/accounts', { body: { items: [], nextCursor: null } })
    .on('GET /api/v1/audit', { body: { items: [entry], nextCursor: null } });
}

describe('Audit log page', () => {
  it('sends the filters of the URL, shows the entries and exports the same filter as CSV', async () => {
    const fake = gateway();
    renderRoute('/audit?accountId=acc_1&action=row.approve', { gateway: fake });

    expect(await screen.findByText('checked with the customer', {}, FIRST_PAINT)).toBeInTheDocument();
    const query = fake.made('GET /api/v1/audit')[0]?.query;
    expect(query?.get('accountId')).toBe('acc_1');
    expect(query?.get('action')).toBe('row.approve');
    expect(query?.has('targetId')).toBe(false);
    expect(screen.getByText(JSON.stringify(entry.details))).toBeInTheDocument();
    const csv = screen.getByRole('link', { name: 'Export the audit log as CSV' });
    expect(csv).toHaveAttribute('href', '/api/v1/audit?accountId=acc_1&action=row.approve&format=csv');
  });

  it("narrows the log to one target's history from its id", async () => {
    const fake = gateway();
    renderRoute('/audit', { gateway: fake });

    await userEvent.click(await screen.findByRole('button', { name: 'Only row_42' }, FIRST_PAINT));
    await waitFor(() =>
      expect(fake.made('GET /api/v1/audit').some((r) => r.query.get('targetId') === 'row_42')).toBe(true),
    );
    expect(screen.getByRole('textbox', { name: 'Target id' })).toHaveValue('row_42');
  });
});
