import { act, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeEventSource } from '../../testing/fake-event-source';
import { FakeGateway, problem } from '../../testing/fake-gateway';
import { renderRoute, VIEWER_SESSION } from '../../testing/render';
import { ACCOUNTS, auditEntry, row, SUMMARY } from './reconciliation-fixtures';
import type { ReconciliationRow } from './row-labels';

// A gateway whose list answers the rows of `state.rows` at the time of each request.
function gatewayWith(initial: ReconciliationRow[]) {
  const state = { rows: initial };
  const gateway = new FakeGateway()
    .on('GET /api/v1/reconciliation', () => ({ body: { items: state.rows, nextCursor: null } }))
    .on('GET /api/v1/reconciliation/summary', { body: SUMMARY })
    .on('GET /api/v1/reconciliation/settings', { body: { defaultEffectiveDate: 'today' } })
    .on('GET /api/v1/accounts', { body: ACCOUNTS })
    .on('GET /api/v1/integrations', { body: { items: [], nextCursor: null } })
    .on('GET /api/v1/sync-runs', { body: { items: [], nextCursor: null } });
  return { gateway, state };
}

const ROWS = [
  row({ id: 'row-1', accountName: 'Acme' }),
  row({ id: 'row-2', accountName: 'Globex', accountId: 'DA0000000000000002', delta: -3, type: 'over_billed' }),
  row({ id: 'row-3', accountName: 'Initech', accountId: 'DA0000000000000003', state: 'applied' }),
];

// The table row of the reconciliation row named "<account> <sku>".
function rowOf(name: string): HTMLElement {
  const tr = screen.getByRole('button', { name: `Details for ${name}` }).closest('tr');
  if (tr === null) throw new Error(`no table row for ${name}`);
  return tr;
}

function listRequests(gateway: FakeGateway) {
  return gateway.made('GET /api/v1/reconciliation');
}

// Whole-console renders on a busy CI machine take longer than Testing Library's default second.
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);

describe('Reconciliation page', () => {
  // The route loads the page lazily; loading it once up front keeps that out of every test's waits.
  beforeAll(() => import('./reconciliation-page'));

  it('approves the selected rows in one request with the note and effective date, then shows their new state', async () => {
    const user = userEvent.setup();
    const { gateway, state } = gatewayWith(ROWS);
    gateway.on('POST /api/v1/reconciliation/approve', (request) => {
      const { ids } = request.body as { ids: string[] };
      state.rows = state.rows.map((r) =>
        ids.includes(r.id) ? { ...r, state: 'applied', revision: r.revision + 1, decidedBy: 'ops-admin' } : r,
      );
      return { body: { items: state.rows.filter((r) => ids.includes(r.id)) } };
    });
    renderRoute('/reconciliation', { gateway });

    await user.click(await screen.findByRole('checkbox', { name: 'Select Acme Essentials' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Globex Essentials' }));
    const toolbar = screen.getByRole('toolbar', { name: 'Selected rows' });
    expect(within(toolbar).getByText('2 selected')).toBeInTheDocument();
    await user.click(within(toolbar).getByRole('button', { name: 'Approve' }));

    const dialog = await screen.findByRole('dialog', { name: 'Approve 2 rows' });
    const date = within(dialog).getByLabelText('Effective date');
    await user.clear(date);
    await user.type(date, '2030-01-15');
    await user.type(within(dialog).getByLabelText('Note'), 'Q1 true-up');
    await user.click(within(dialog).getByRole('button', { name: 'Approve 2 rows' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Approve 2 rows' })).not.toBeInTheDocument());
    const requests = gateway.made('POST /api/v1/reconciliation/approve');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.body).toEqual({
      ids: ['row-1', 'row-2'],
      note: 'Q1 true-up',
      effectiveDate: '2030-01-15T00:00:00.000Z',
    });
    expect(requests[0]?.headers.get('X-CSRF-Token')).toBe('csrf-token-1');
    expect(await within(rowOf('Acme Essentials')).findByText('Applied')).toBeInTheDocument();
    expect(within(rowOf('Globex Essentials')).getByText('Applied')).toBeInTheDocument();
    expect(within(rowOf('Initech Essentials')).getByText('Applied')).toBeInTheDocument();
    expect(await screen.findByText('Approved 2 rows')).toBeInTheDocument();
    expect(screen.queryByRole('toolbar', { name: 'Selected rows' })).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Select Acme Essentials' })).not.toBeChecked();
  });

  it('offers only the decisions every selected row allows', async () => {
    const user = userEvent.setup();
    const { gateway } = gatewayWith(ROWS);
    renderRoute('/reconciliation', { gateway });

    await user.click(await screen.findByRole('checkbox', { name: 'Select Acme Essentials' }));
    const toolbar = screen.getByRole('toolbar', { name: 'Selected rows' });
    expect(within(toolbar).getByRole('button', { name: 'Approve' })).toBeInTheDocument();
    expect(within(toolbar).getByRole('button', { name: 'Dismiss' })).toBeInTheDocument();
    expect(within(toolbar).queryByRole('button', { name: 'Reset' })).not.toBeInTheDocument();

    // An applied row can only be reset; pending and applied together have no decision in common.
    await user.click(screen.getByRole('checkbox', { name: 'Select Initech Essentials' }));
    expect(within(toolbar).queryByRole('button', { name: /^(Approve|Dismiss|Reset)$/ })).not.toBeInTheDocument();
    expect(within(toolbar).getByText('No decision applies to every selected row')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Actions for Initech Essentials' }));
    const items = (await screen.findAllByRole('menuitem')).map((item) => item.textContent);
    expect(items).toEqual(['Reset', 'Mute…', 'Edit note…']);
  });

  it('shows the problem detail when the API refuses a decision, and keeps the dialog open', async () => {
    const user = userEvent.setup();
    const { gateway } = gatewayWith(ROWS);
    gateway.on('POST /api/v1/reconciliation/dismiss', {
      status: 409,
      body: problem(409, 'RECONCILE.ROW_INVALID_STATE', 'Cannot dismiss: row-1 is applied'),
    });
    renderRoute('/reconciliation', { gateway });

    await user.click(await screen.findByRole('button', { name: 'Actions for Acme Essentials' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Dismiss' }));
    const dialog = await screen.findByRole('dialog', { name: 'Dismiss 1 row' });
    await user.click(within(dialog).getByRole('button', { name: 'Dismiss 1 row' }));

    expect(await within(dialog).findByText('Cannot dismiss: row-1 is applied')).toBeInTheDocument();
    expect(gateway.made('POST /api/v1/reconciliation/dismiss')[0]?.body).toEqual({ ids: ['row-1'] });
    expect(within(rowOf('Acme Essentials')).getByText('Pending')).toBeInTheDocument();
  });

  it('patches a loaded row from the live stream, and offers a refresh for rows not on screen', async () => {
    const user = userEvent.setup();
    const { gateway, state } = gatewayWith(ROWS);
    renderRoute('/reconciliation', { gateway });
    await screen.findByRole('button', { name: 'Details for Acme Essentials' });
    const fetched = listRequests(gateway).length;

    act(() =>
      FakeEventSource.last?.emit('reconcile.reconciliation.updated', {
        rowId: 'row-1',
        vendorQuantity: 15,
        psaQuantity: 10,
        delta: 5,
        type: 'under_billed',
        state: 'failed',
        revision: 2,
        updatedAt: '2026-11-30T12:00:00.000Z',
      }),
    );
    expect(await within(rowOf('Acme Essentials')).findByText('Failed')).toBeInTheDocument();
    expect(within(rowOf('Acme Essentials')).getByText('+5')).toBeInTheDocument();
    expect(listRequests(gateway)).toHaveLength(fetched);
    expect(screen.queryByRole('button', { name: /^Refresh/ })).not.toBeInTheDocument();

    state.rows = [...ROWS, row({ id: 'row-9', accountName: 'Newco', accountId: 'DA0000000000000009' })];
    act(() =>
      FakeEventSource.last?.emit('reconcile.reconciliation.updated', {
        rowId: 'row-9',
        vendorQuantity: 12,
        psaQuantity: 10,
        delta: 2,
        type: 'under_billed',
        state: 'pending',
        revision: 1,
        updatedAt: '2026-11-30T12:00:00.000Z',
      }),
    );
    await user.click(await screen.findByRole('button', { name: 'Refresh (1 change)' }));

    expect(await screen.findByRole('button', { name: 'Details for Newco Essentials' })).toBeInTheDocument();
    expect(listRequests(gateway).length).toBeGreaterThan(fetched);
    expect(screen.queryByRole('button', { name: /^Refresh/ })).not.toBeInTheDocument();
  });

  it('explains that an account and a service must be mapped, without asking the list that would refuse', async () => {
    const { gateway } = gatewayWith([]);
    gateway.on('GET /api/v1/reconciliation/summary', {
      body: { ...SUMMARY, readiness: { ready: false, accountsMapped: 1, servicesMapped: 0 } },
    });
    renderRoute('/reconciliation', { gateway });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Nothing to reconcile yet');
    expect(alert).toHaveTextContent(/at least one Duo account is mapped/);
    expect(within(alert).getByRole('link', { name: 'Go to mapping' })).toHaveAttribute('href', '/mapping');
    expect(gateway.made('GET /api/v1/reconciliation')).toHaveLength(0);
  });

  it('still explains a NOT_READY the list answers (a mapping removed meanwhile)', async () => {
    const { gateway } = gatewayWith([]);
    gateway.on('GET /api/v1/reconciliation', {
      status: 409,
      body: problem(409, 'RECONCILE.NOT_READY', 'Map at least one account and one service first'),
    });
    renderRoute('/reconciliation', { gateway });
    expect(await screen.findByRole('alert')).toHaveTextContent('Nothing to reconcile yet');
  });

  it('shows a viewer the rows without any control that changes them', async () => {
    const { gateway } = gatewayWith(ROWS);
    renderRoute('/reconciliation', { gateway, session: VIEWER_SESSION });

    expect(await screen.findByRole('button', { name: 'Details for Acme Essentials' })).toBeInTheDocument();
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: /^Actions for/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^(Approve|Dismiss|Reset)/ })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Export reconciliation rows as CSV' })).toBeInTheDocument();
  });

  it('reads filters and sort from the address, sorts by a header, and exports the same filter as CSV', async () => {
    const user = userEvent.setup();
    const { gateway } = gatewayWith(ROWS);
    renderRoute('/reconciliation?type=under_billed&sku=Advantage&accountId=DA0000000000000001&sort=-delta', {
      gateway,
    });

    await screen.findByRole('button', { name: 'Details for Acme Essentials' });
    const first = listRequests(gateway)[0]?.query;
    expect(first?.get('type')).toBe('under_billed');
    expect(first?.get('sku')).toBe('Advantage');
    expect(first?.get('accountId')).toBe('DA0000000000000001');
    expect(first?.get('sort')).toBe('-delta');
    expect(first?.get('muted')).toBe('false');
    expect(gateway.made('GET /api/v1/reconciliation/summary')[0]?.query.get('accountId')).toBe('DA0000000000000001');
    expect(screen.getByRole('columnheader', { name: /Delta/ })).toHaveAttribute('aria-sort', 'descending');
    const href = screen.getByRole('link', { name: 'Export reconciliation rows as CSV' }).getAttribute('href') ?? '';
    const csv = new URL(href, 'http://console.test');
    expect(csv.pathname).toBe('/api/v1/reconciliation');
    expect(Object.fromEntries(csv.searchParams)).toEqual({
      type: 'under_billed',
      sku: 'Advantage',
      accountId: 'DA0000000000000001',
      sort: '-delta',
      muted: 'false',
      format: 'csv',
    });

    await user.click(screen.getByRole('button', { name: 'Account' }));
    await waitFor(() => expect(listRequests(gateway).at(-1)?.query.get('sort')).toBe('accountName'));
    expect(listRequests(gateway).at(-1)?.query.get('type')).toBe('under_billed');
    expect(screen.getByRole('columnheader', { name: /Account/ })).toHaveAttribute('aria-sort', 'ascending');
  });

  it('shows the summary of rows by type', async () => {
    const { gateway } = gatewayWith(ROWS);
    renderRoute('/reconciliation', { gateway });

    const underBilled = await screen.findByRole('listitem', { name: 'Under-billed' });
    expect(await within(underBilled).findByText('4')).toBeInTheDocument();
    expect(within(underBilled).getByText('3 pending')).toBeInTheDocument();
  });

  it("opens a row's details with who decided, its last error and its history", async () => {
    const user = userEvent.setup();
    const decided = row({
      state: 'failed',
      decidedBy: 'ops-admin',
      decidedAt: '2026-11-30T11:00:00.000Z',
      note: 'Q1 true-up',
      lastError: { code: 'PSA.REJECTED', message: 'Agreement is closed', at: '2026-11-30T11:05:00.000Z' },
    });
    const { gateway } = gatewayWith([decided]);
    gateway.on('GET /api/v1/reconciliation/row-1', { body: decided }).on('GET /api/v1/audit', {
      body: {
        items: [
          auditEntry({ id: 'audit-2', action: 'row.push-failed', actor: 'system', details: {} }),
          auditEntry({ id: 'audit-1', note: 'Q1 true-up' }),
        ],
        nextCursor: null,
      },
    });
    renderRoute('/reconciliation', { gateway });

    await user.click(await screen.findByRole('button', { name: 'Details for Acme Essentials' }));
    const drawer = await screen.findByRole('dialog', { name: 'Acme Essentials' });
    const details = within(drawer).getByLabelText('Row details');
    expect(details).toHaveTextContent('Decided byops-admin');
    expect(details).toHaveTextContent('Agreement is closed (PSA.REJECTED');
    expect(details).toHaveTextContent('NoteQ1 true-up');
    const history = await within(drawer).findByRole('table', { name: 'Row history' });
    const actions = within(history)
      .getAllByRole('row')
      .slice(1)
      .map((tr) => tr.querySelectorAll('td')[1]?.textContent);
    expect(actions).toEqual(['row.push-failed', 'row.approve']);
    expect(gateway.made('GET /api/v1/audit')[0]?.query.get('targetId')).toBe('row-1');
  });
});
