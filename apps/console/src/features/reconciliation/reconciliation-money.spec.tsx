import { notifications } from '@mantine/notifications';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeGateway } from '../../testing/fake-gateway';
import { renderRoute, VIEWER_SESSION } from '../../testing/render';
import { auditEntry, row, SUMMARY, withReviewData } from './reconciliation-fixtures';
import type { ReconciliationRow } from './row-labels';

const NO_AGREEMENT = row({
  id: 'row-1',
  accountName: 'Acme',
  type: 'new_revenue',
  psaQuantity: 0,
  vendorQuantity: 4,
  delta: 4,
  agreementId: null,
  agreementName: null,
  agreementIssue: 'ambiguous',
  monthlyImpact: 12,
});
const APPROVED = row({
  id: 'row-2',
  accountName: 'Globex',
  accountId: 'DA0000000000000002',
  state: 'approved',
  mutedUntil: '2099-01-01T00:00:00.000Z',
  approved: {
    quantity: 12,
    psaCompanyId: 'company-1',
    productId: 'product-1',
    agreementId: 'agr-1',
    effectiveDate: '2030-01-01T00:00:00.000Z',
  },
});

function withRows(rows: ReconciliationRow[]) {
  const { gateway } = withReviewData(new FakeGateway(), rows);
  gateway.on('GET /api/v1/audit', { body: { items: [auditEntry()], nextCursor: null } });
  for (const r of rows) gateway.on(`GET /api/v1/reconciliation/${r.id}`, { body: r });
  return gateway;
}

async function openDetails(name: string) {
  await userEvent.click(await screen.findByRole('button', { name: `Details for ${name}` }));
  const drawer = await screen.findByRole('dialog', { name });
  return within(drawer).getByLabelText('Row details');
}

// Whole-console renders on a busy CI machine take longer than Testing Library's default second.
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);

describe('Reconciliation: agreements, money and the default effective date', () => {
  beforeAll(() => import('./reconciliation-page'));
  // The notifications store outlives a test; a full queue would hide the next test's notification.
  afterEach(() => notifications.clean());

  it('marks a new-revenue row without an agreement, and says why its Approve is disabled', async () => {
    const user = userEvent.setup();
    renderRoute('/reconciliation', { gateway: withRows([NO_AGREEMENT, APPROVED]) });

    const tr = (await screen.findByRole('button', { name: 'Details for Acme Essentials' })).closest('tr');
    expect(tr).not.toBeNull();
    expect(within(tr as HTMLElement).getByText('Choose agreement')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Actions for Acme Essentials' }));
    const approve = await screen.findByRole('menuitem', { name: 'Approve' });
    expect(approve).toBeDisabled();
    expect(approve).toHaveAccessibleDescription(
      'The PSA company has several active agreements: choose the agreement for new lines in Mapping first.',
    );
    expect(screen.getByRole('menuitem', { name: 'Dismiss' })).toBeEnabled();
    await user.keyboard('{Escape}');

    await user.click(screen.getByRole('checkbox', { name: 'Select Acme Essentials' }));
    const toolbar = screen.getByRole('toolbar', { name: 'Selected rows' });
    expect(within(toolbar).queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(within(toolbar).getByText('1 row needs an agreement chosen in Mapping before approval')).toBeInTheDocument();
  });

  it("shows a row's agreement, price, money per month, mute and approved values in its details", async () => {
    renderRoute('/reconciliation?showMuted=true', { gateway: withRows([NO_AGREEMENT, APPROVED]) });

    const details = await openDetails('Globex Essentials');
    expect(details).toHaveTextContent('AgreementManaged Services');
    expect(details).toHaveTextContent('Unit price$3.00 per month');
    expect(details).toHaveTextContent('Per month+$6.00');
    expect(details).toHaveTextContent(/Muted until\w{3} \d+, 2099/);
    expect(details).toHaveTextContent('Approved quantity12');
    expect(details).toHaveTextContent(/Approved effective date\w{3} \d+, 2030/);
    expect(details).toHaveTextContent('Approved companyAcme Corp');
    expect(details).toHaveTextContent('Approved productDuo Essentials seat');
    expect(details).toHaveTextContent('Approved agreementManaged Services');
    // Seats beside their use, from discovery.
    expect(details).toHaveTextContent('Active users (30 days)9');
    expect(details).toHaveTextContent('Reclaimable seats3 (no successful sign-in for 30 days');
  });

  it('shows active users beside Duo seats in the table, a dash where discovery has not reported', async () => {
    renderRoute('/reconciliation?showMuted=true', {
      gateway: withRows([NO_AGREEMENT, { ...APPROVED, usage: null }]),
    });
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('columnheader', { name: /Active \(30 d\)/ })).toBeInTheDocument();
    const acme = (await within(table).findByText('Acme')).closest('tr');
    const globex = within(table).getByText('Globex').closest('tr');
    expect(acme).toHaveTextContent('9');
    expect(within(globex as HTMLElement).getAllByText('—').length).toBeGreaterThan(0);
  });

  it("links a row without an agreement to its account's mapping", async () => {
    renderRoute('/reconciliation', { gateway: withRows([NO_AGREEMENT]) });

    const details = await openDetails('Acme Essentials');
    expect(details).toHaveTextContent('The PSA company has several active agreements');
    expect(within(details).getByRole('link', { name: 'Choose the agreement for Acme in Mapping' })).toHaveAttribute(
      'href',
      '/mapping?account=Acme',
    );
    expect(details).not.toHaveTextContent('Approved quantity');
  });

  it('shows the money per month pending by type in the summary currency, flagging mixed currencies', async () => {
    const gateway = withRows([APPROVED]);
    gateway.on('GET /api/v1/reconciliation/summary', {
      body: { ...SUMMARY, money: { ...SUMMARY.money, mixedCurrencies: true } },
    });
    renderRoute('/reconciliation', { gateway });

    const under = await screen.findByRole('listitem', { name: 'Under-billed' });
    expect(await within(under).findByText('+$18.00 per month pending')).toBeInTheDocument();
    expect(
      within(screen.getByRole('listitem', { name: 'Over-billed' })).getByText('-$9.00 per month pending'),
    ).toBeInTheDocument();
    expect(within(screen.getByRole('listitem', { name: 'No change' })).queryByText(/per month/)).toBeNull();
    expect(screen.getByRole('note')).toHaveTextContent(
      'more than one currency: the amounts per month count only the USD rows',
    );
  });

  it('lets an admin choose the default effective date, which the approve dialog names when no date is picked', async () => {
    const user = userEvent.setup();
    const gateway = withRows([APPROVED, row({ id: 'row-3', accountName: 'Initech' })]);
    gateway
      .on('PATCH /api/v1/reconciliation/settings', (request) => ({ body: request.body }))
      .on('POST /api/v1/reconciliation/approve', { body: { items: [] } });
    renderRoute('/reconciliation', { gateway });

    const setting = await screen.findByRole('combobox', { name: 'Default effective date' });
    await waitFor(() => expect(setting).toHaveValue('today'));
    await user.selectOptions(setting, '1st of next month');
    await waitFor(() => expect(gateway.made('PATCH /api/v1/reconciliation/settings')).toHaveLength(1));
    expect(gateway.made('PATCH /api/v1/reconciliation/settings')[0]?.body).toEqual({
      defaultEffectiveDate: 'first_of_next_month',
    });
    await waitFor(() => expect(setting).toHaveValue('first_of_next_month'));

    await user.click(screen.getByRole('button', { name: 'Actions for Initech Essentials' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve 1 row' });
    const date = within(dialog).getByLabelText('Effective date');
    expect(date).toHaveValue('');
    expect(date).toHaveAccessibleDescription(/Left empty: 1st of next month \(the default\)/);
    await user.click(within(dialog).getByRole('button', { name: 'Approve 1 row' }));
    await waitFor(() => expect(gateway.made('POST /api/v1/reconciliation/approve')).toHaveLength(1));
    expect(gateway.made('POST /api/v1/reconciliation/approve')[0]?.body).toEqual({ ids: ['row-3'] });
  });

  it('shows a viewer no default-date control and does not ask for the setting', async () => {
    const gateway = withRows([APPROVED]);
    renderRoute('/reconciliation', { gateway, session: VIEWER_SESSION });
    await screen.findByRole('button', { name: 'Details for Globex Essentials' });
    expect(screen.queryByRole('combobox', { name: 'Default effective date' })).toBeNull();
    expect(gateway.made('GET /api/v1/reconciliation/settings')).toHaveLength(0);
  });
});
