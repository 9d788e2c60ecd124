import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { problem } from '../../testing/fake-gateway';
import { renderRoute } from '../../testing/render';
import { alertsGateway, channel, EMAIL_CHANNEL } from './alerts-fixtures';

// Whole screens with Mantine modals in jsdom take seconds on a loaded machine.
jest.setTimeout(30_000);
const FIRST_PAINT = { timeout: 8000 };

const SECRET = 'correct-horse-battery-staple';

async function enter(field: HTMLElement, text: string) {
  await userEvent.click(field);
  await userEvent.paste(text);
}

describe('Channel form', () => {
  it('adds a webhook with its secret typed into a password field and sent write-only', async () => {
    const fake = alertsGateway().on('POST /api/v1/alerts/channels', { status: 201, body: channel() });
    renderRoute('/alerts?tab=channels', { gateway: fake });

    await userEvent.click(await screen.findByRole('button', { name: 'New channel' }, FIRST_PAINT));
    const dialog = await screen.findByRole('dialog', { name: 'New alert channel' });
    await enter(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Ops webhook');
    await enter(within(dialog).getByRole('textbox', { name: /^URL/ }), 'https://hooks.example.com/seatwise');
    const secret = within(dialog).getByLabelText(/^Signing secret/);
    expect(secret).toHaveAttribute('type', 'password');
    await enter(secret, SECRET);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add channel' }));

    await waitFor(() => expect(fake.made('POST /api/v1/alerts/channels')).toHaveLength(1));
    expect(fake.made('POST /api/v1/alerts/channels')[0]?.body).toEqual({
      kind: 'webhook',
      name: 'Ops webhook',
      url: 'https://hooks.example.com/seatwise',
      secret: SECRET,
    });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New alert channel' })).toBeNull());
    expect(screen.queryByDisplayValue(SECRET)).toBeNull();
  });

  it('edits a webhook without showing its secret: blank keeps it, a new one replaces it', async () => {
    const hook = channel();
    const fake = alertsGateway({ channels: [hook] }).on('PATCH /api/v1/alerts/channels/chn_hook', { body: hook });
    renderRoute('/alerts?tab=channels', { gateway: fake });

    await userEvent.click(await screen.findByRole('button', { name: 'Edit channel Ops webhook' }, FIRST_PAINT));
    let dialog = await screen.findByRole('dialog', { name: 'Edit channel “Ops webhook”' });
    const secret = within(dialog).getByLabelText(/^Signing secret/);
    expect(secret).toHaveValue('');
    expect(secret).toHaveAccessibleDescription(/A secret is set\. Leave empty to keep it/);
    // Only the kind's own fields: an edit cannot turn a webhook into an email.
    expect(within(dialog).queryByRole('radio', { name: 'Email' })).toBeNull();
    await enter(within(dialog).getByRole('textbox', { name: /^Name/ }), ' (prod)');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.made('PATCH /api/v1/alerts/channels/chn_hook')).toHaveLength(1));
    expect(fake.made('PATCH /api/v1/alerts/channels/chn_hook')[0]?.body).toEqual({
      name: 'Ops webhook (prod)',
      url: 'https://hooks.example.com/seatwise',
    });

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await userEvent.click(screen.getByRole('button', { name: 'Edit channel Ops webhook' }));
    dialog = await screen.findByRole('dialog', { name: 'Edit channel “Ops webhook”' });
    await enter(within(dialog).getByLabelText(/^Signing secret/), SECRET);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.made('PATCH /api/v1/alerts/channels/chn_hook')).toHaveLength(2));
    expect(fake.made('PATCH /api/v1/alerts/channels/chn_hook')[1]?.body).toMatchObject({ secret: SECRET });
  });

  it("shows the API's error for a bad address beside the recipients", async () => {
    const fake = alertsGateway().on('POST /api/v1/alerts/channels', {
      status: 400,
      body: {
        ...problem(400, 'COMMON.VALIDATION_FAILED', 'Invalid request body'),
        errors: [{ path: 'body.to.1', message: 'Invalid email address' }],
      },
    });
    renderRoute('/alerts?tab=channels', { gateway: fake });

    await userEvent.click(await screen.findByRole('button', { name: 'New channel' }, FIRST_PAINT));
    const dialog = await screen.findByRole('dialog', { name: 'New alert channel' });
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Email' }));
    expect(within(dialog).queryByLabelText(/^Signing secret/)).toBeNull();
    await enter(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Desk');
    await enter(within(dialog).getByRole('textbox', { name: /^Recipients/ }), 'desk@msp.example, not-an-address');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add channel' }));

    const recipients = within(dialog).getByRole('textbox', { name: /^Recipients/ });
    await waitFor(() => expect(recipients).toHaveAttribute('aria-invalid', 'true'));
    expect(recipients).toHaveAccessibleDescription(/not-an-address: Invalid email address/);
    expect(fake.made('POST /api/v1/alerts/channels')[0]?.body).toEqual({
      kind: 'email',
      name: 'Desk',
      to: ['desk@msp.example', 'not-an-address'],
    });
  });

  it('sends a test and shows how it went', async () => {
    const fake = alertsGateway({ channels: [EMAIL_CHANNEL] }).on('POST /api/v1/alerts/channels/chn_mail/test', {
      body: { outcome: { ok: false, code: 'EMAIL.REJECTED', detail: '550 mailbox unavailable', retryable: false } },
    });
    renderRoute('/alerts?tab=channels', { gateway: fake });

    await userEvent.click(await screen.findByRole('button', { name: 'Send test to Service desk mail' }, FIRST_PAINT));
    const dialog = await screen.findByRole('dialog', { name: 'Test channel “Service desk mail”' });
    expect(fake.made('POST /api/v1/alerts/channels/chn_mail/test')).toHaveLength(0);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send test' }));
    const outcome = await within(dialog).findByRole('alert');
    expect(outcome).toHaveTextContent('Test failed (EMAIL.REJECTED)');
    expect(outcome).toHaveTextContent('550 mailbox unavailable');
    expect(fake.made('POST /api/v1/alerts/channels/chn_mail/test')[0]?.body).toEqual({});
  });
});
