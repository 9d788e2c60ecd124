import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderRoute } from '../../testing/render';
import { saasGateway, service } from './saas-fixtures';

// Whole screens in jsdom (Mantine, the router, several requests) run past jest's default 5 s when the
// suites run side by side.
jest.setTimeout(30_000);

// The whole console renders (layout, lazy route): its first screen takes longer than findBy's default second.
const FIRST_PAINT = { timeout: 8000 };

function gateway() {
  return saasGateway()
    .on('GET /api/v1/services', { body: { items: [service()], nextCursor: null } })
    .on('GET /api/v1/users', { body: { items: [], nextCursor: null } });
}

describe('SaaS inventory page', () => {
  it("lists an account's services with the URL's filters, sorts on the server and exports the same list", async () => {
    const fake = gateway();
    renderRoute('/saas?accountId=acc_1&status=new&matched=false', { gateway: fake });

    expect(await screen.findByRole('link', { name: 'Zoom SSO' }, FIRST_PAINT)).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Services' })).getByText('Unmatched')).toBeInTheDocument();
    const first = fake.made('GET /api/v1/services')[0]?.query;
    expect(first?.get('accountId')).toBe('acc_1');
    expect(first?.get('status')).toBe('new');
    expect(first?.get('matched')).toBe('false');
    expect(screen.getByRole('link', { name: 'Export services as CSV' })).toHaveAttribute(
      'href',
      '/api/v1/services?accountId=acc_1&status=new&matched=false&format=csv',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Users' }));
    await waitFor(() =>
      expect(fake.made('GET /api/v1/services').some((r) => r.query.get('sort') === 'userCount')).toBe(true),
    );
    expect(screen.getByRole('columnheader', { name: /Users/ })).toHaveAttribute('aria-sort', 'ascending');
  });

  it("opens the account's users on the Users tab", async () => {
    const fake = gateway();
    renderRoute('/saas?accountId=acc_1', { gateway: fake });

    await userEvent.click(await screen.findByRole('tab', { name: 'Users' }, FIRST_PAINT));
    await waitFor(() => expect(fake.made('GET /api/v1/users')[0]?.query.get('accountId')).toBe('acc_1'));
    expect(await screen.findByText('No users match these filters.')).toBeInTheDocument();
  });

  it("shows a service's denials and the discovery flags in the services table", async () => {
    const flagged = service({ denialCount: 42, fraudCount: 3, flags: ['fraud', 'denial-rate'] });
    const fake = gateway().on('GET /api/v1/services', { body: { items: [flagged], nextCursor: null } });
    renderRoute('/saas?accountId=acc_1', { gateway: fake });

    const table = await screen.findByRole('table', { name: 'Services' }, FIRST_PAINT);
    const row = within(table).getByRole('link', { name: 'Zoom SSO' }).closest('tr') as HTMLElement;
    expect(within(row).getByText('Fraud')).toBeInTheDocument();
    expect(within(row).getByText('Many denials')).toBeInTheDocument();
    expect(within(row).getByText('42')).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'Denied' })).toBeInTheDocument();
  });
});
