import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderRoute, VIEWER_SESSION } from '../../testing/render';
import { alertItem, alertsGateway, channel, EMAIL_CHANNEL, rule } from './alerts-fixtures';

// The whole console renders (layout, lazy route, Mantine): slower than jest's and findBy's defaults.
jest.setTimeout(30_000);
const FIRST_PAINT = { timeout: 8000 };

describe('Alerts page', () => {
  it('lists the open alerts first, with account and rule, and filters by state', async () => {
    const fake = alertsGateway({ alerts: [alertItem()] });
    renderRoute('/alerts', { gateway: fake });

    const table = await screen.findByRole('table', { name: 'Alerts' }, FIRST_PAINT);
    const row = within(table).getByText('Acme Dental: sync failing').closest('tr') as HTMLElement;
    expect(within(row).getByText('Open')).toBeInTheDocument();
    expect(within(row).getByText('Sync watch')).toBeInTheDocument();
    expect(await within(row).findByText('Acme Dental')).toBeInTheDocument();
    expect(fake.made('GET /api/v1/alerts')[0]?.query.get('state')).toBe('open');
    expect(screen.getByRole('link', { name: 'Export alerts as CSV' })).toHaveAttribute(
      'href',
      '/api/v1/alerts?state=open&format=csv',
    );
    expect(screen.getByRole('tab', { name: 'Alerts' })).toHaveAttribute('aria-selected', 'true');
  });

  it('asks for resolved alerts when the URL says so', async () => {
    const fake = alertsGateway();
    renderRoute('/alerts?state=resolved', { gateway: fake });
    expect(await screen.findByText('No alerts match these filters.', {}, FIRST_PAINT)).toBeInTheDocument();
    expect(fake.made('GET /api/v1/alerts')[0]?.query.get('state')).toBe('resolved');
  });

  it('shows a viewer rules and channels read-only: no create, edit, delete, test or switch', async () => {
    const fake = alertsGateway({ rules: [rule()], channels: [channel(), EMAIL_CHANNEL] });
    renderRoute('/alerts?tab=rules', { session: VIEWER_SESSION, gateway: fake });

    const rules = await screen.findByRole('table', { name: 'Alert rules' }, FIRST_PAINT);
    const row = within(rules).getByText('Sync watch').closest('tr') as HTMLElement;
    expect(await within(row).findByText('Ops webhook')).toBeInTheDocument();
    expect(within(row).getByText('Sync failing: for 60 min')).toBeInTheDocument();
    expect(within(row).getByText('Enabled')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New rule' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^(Edit|Delete) rule/ })).toBeNull();
    expect(screen.queryByRole('switch')).toBeNull();

    await userEvent.click(screen.getByRole('tab', { name: 'Channels' }));
    const channels = await screen.findByRole('table', { name: 'Alert channels' });
    expect(within(channels).getByText('https://hooks.example.com/seatwise')).toBeInTheDocument();
    expect(within(channels).getByText('The SMTP server rejected 5 messages in a row')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New channel' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^(Edit channel|Delete channel|Send test)/ })).toBeNull();
    expect(screen.queryByRole('switch')).toBeNull();
    expect(fake.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('shows the admin the controls, and switches a disabled channel back on', async () => {
    const fake = alertsGateway({ channels: [EMAIL_CHANNEL] }).on('PATCH /api/v1/alerts/channels/chn_mail', {
      body: { ...EMAIL_CHANNEL, enabled: true, disabledReason: null, disabledAt: null },
    });
    renderRoute('/alerts?tab=channels', { gateway: fake });

    const toggle = await screen.findByRole('switch', { name: 'Enabled: channel Service desk mail' }, FIRST_PAINT);
    expect(screen.getByRole('button', { name: 'New channel' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send test to Service desk mail' })).toBeInTheDocument();
    await userEvent.click(toggle);
    await waitFor(() => expect(fake.made('PATCH /api/v1/alerts/channels/chn_mail')).toHaveLength(1));
    expect(fake.made('PATCH /api/v1/alerts/channels/chn_mail')[0]?.body).toEqual({ enabled: true });
  });

  it('filters the delivery log by state', async () => {
    const fake = alertsGateway();
    renderRoute('/alerts?tab=deliveries&deliveryState=failed', { gateway: fake });
    expect(await screen.findByText('No notifications match these filters.', {}, FIRST_PAINT)).toBeInTheDocument();
    expect(fake.made('GET /api/v1/alerts/deliveries')[0]?.query.get('state')).toBe('failed');
  });
});
