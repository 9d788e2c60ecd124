import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CSRF_HEADER } from '../../api/client';
import { problem } from '../../testing/fake-gateway';
import { ADMIN_SESSION, renderRoute } from '../../testing/render';
import { alertsGateway, channel, EMAIL_CHANNEL, rule } from './alerts-fixtures';

// Whole screens with Mantine modals in jsdom take seconds on a loaded machine.
jest.setTimeout(30_000);
const FIRST_PAINT = { timeout: 8000 };

const CHANNELS = [channel(), EMAIL_CHANNEL];

async function enter(field: HTMLElement, text: string) {
  await userEvent.click(field);
  await userEvent.paste(text);
}

async function openNewRule() {
  await userEvent.click(await screen.findByRole('button', { name: 'New rule' }, FIRST_PAINT));
  const dialog = await screen.findByRole('dialog', { name: 'New alert rule' });
  // The channel choice appears once the channels are loaded.
  await within(dialog).findByRole('checkbox', { name: 'Ops webhook' });
  return dialog;
}

// The threshold inputs the dialog shows (labels of its number fields, the throttle aside).
function thresholdLabels(dialog: HTMLElement): string[] {
  return within(dialog)
    .queryAllByRole('textbox')
    .map((input) => input.getAttribute('id'))
    .map((id) => dialog.querySelector(`label[for="${id ?? ''}"]`)?.textContent.replace(/\s*\*$/, '') ?? '')
    .filter((label) => label !== 'Name' && label !== 'Throttle (minutes)' && label !== 'Only for account');
}

describe('Rule form', () => {
  it("shows exactly the chosen kind's threshold fields", async () => {
    renderRoute('/alerts?tab=rules', { gateway: alertsGateway({ channels: CHANNELS }) });
    const dialog = await openNewRule();
    const kind = within(dialog).getByRole('combobox', { name: 'Condition' });

    expect(thresholdLabels(dialog)).toEqual(['Failing for (minutes)']);
    await userEvent.selectOptions(kind, 'Billing discrepancy');
    expect(thresholdLabels(dialog)).toEqual(['Seats off by', 'Or monthly impact of']);
    await userEvent.selectOptions(kind, 'Credentials rejected');
    expect(thresholdLabels(dialog)).toEqual([]);
    expect(within(dialog).getByText('This condition has no threshold.')).toBeInTheDocument();
    await userEvent.selectOptions(kind, 'Reclaimable seats');
    expect(thresholdLabels(dialog)).toEqual(['More than (seats)']);
    await userEvent.selectOptions(kind, 'Fraud reported');
    expect(thresholdLabels(dialog)).toEqual(['Within (minutes)']);
  });

  it("creates a rule with only its kind's thresholds, its channels, delivery and throttle", async () => {
    const fake = alertsGateway({ channels: CHANNELS }).on('POST /api/v1/alerts/rules', {
      status: 201,
      body: rule({ name: 'Seat drift' }),
    });
    renderRoute('/alerts?tab=rules', { gateway: fake });
    const dialog = await openNewRule();

    await enter(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Seat drift');
    // A threshold typed for another kind is not sent once the kind changes.
    await enter(within(dialog).getByRole('textbox', { name: /^Failing for/ }), '30');
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Condition' }), 'Billing discrepancy');
    await enter(within(dialog).getByRole('textbox', { name: /^Seats off by/ }), '3');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Ops webhook' }));
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Service desk mail (disabled)' }));
    await userEvent.click(within(dialog).getByRole('radio', { name: 'In a digest' }));
    await enter(within(dialog).getByRole('textbox', { name: /^Throttle/ }), '120');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create rule' }));

    await waitFor(() => expect(fake.made('POST /api/v1/alerts/rules')).toHaveLength(1));
    const [request] = fake.made('POST /api/v1/alerts/rules');
    expect(request?.body).toEqual({
      name: 'Seat drift',
      condition: { kind: 'discrepancy', seats: 3 },
      channelIds: ['chn_hook', 'chn_mail'],
      accountId: null,
      delivery: 'digest',
      throttleMinutes: 120,
      enabled: true,
    });
    expect(request?.headers.get(CSRF_HEADER)).toBe(ADMIN_SESSION.csrfToken);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New alert rule' })).toBeNull());
  });

  it("shows the API's field error beside the threshold it names, and keeps the dialog open", async () => {
    const fake = alertsGateway({ channels: CHANNELS }).on('POST /api/v1/alerts/rules', {
      status: 400,
      body: {
        ...problem(400, 'COMMON.VALIDATION_FAILED', 'Invalid request body'),
        errors: [{ path: 'body.condition.minutes', message: 'Too big: expected number to be <=525600' }],
      },
    });
    renderRoute('/alerts?tab=rules', { gateway: fake });
    const dialog = await openNewRule();

    await enter(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Sync watch');
    await enter(within(dialog).getByRole('textbox', { name: /^Failing for/ }), '999999');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Ops webhook' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create rule' }));

    const minutes = within(dialog).getByRole('textbox', { name: /^Failing for/ });
    await waitFor(() => expect(minutes).toHaveAttribute('aria-invalid', 'true'));
    expect(minutes).toHaveAccessibleDescription(/Too big: expected number to be <=525600/);
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Invalid request body');
  });

  it('edits a rule from its stored values and deletes one only after confirming', async () => {
    const stored = rule({ condition: { kind: 'account_behind', minutes: 90 }, throttleMinutes: 30 });
    const fake = alertsGateway({ rules: [stored], channels: CHANNELS })
      .on('PATCH /api/v1/alerts/rules/rul_1', { body: stored })
      .on('DELETE /api/v1/alerts/rules/rul_1', { body: { deleted: true } });
    renderRoute('/alerts?tab=rules', { gateway: fake });

    await userEvent.click(await screen.findByRole('button', { name: 'Edit rule Sync watch' }, FIRST_PAINT));
    const dialog = await screen.findByRole('dialog', { name: 'Edit rule “Sync watch”' });
    const behind = within(dialog).getByRole('textbox', { name: /^Behind by/ });
    expect(behind).toHaveValue('90');
    await userEvent.clear(behind);
    await enter(behind, '45');
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.made('PATCH /api/v1/alerts/rules/rul_1')).toHaveLength(1));
    expect(fake.made('PATCH /api/v1/alerts/rules/rul_1')[0]?.body).toMatchObject({
      condition: { kind: 'account_behind', minutes: 45 },
      channelIds: ['chn_hook'],
      throttleMinutes: 30,
    });

    await userEvent.click(screen.getByRole('button', { name: 'Delete rule Sync watch' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete rule “Sync watch”?' });
    expect(fake.made('DELETE /api/v1/alerts/rules/rul_1')).toHaveLength(0);
    await userEvent.click(within(confirm).getByRole('button', { name: 'Delete rule' }));
    await waitFor(() => expect(fake.made('DELETE /api/v1/alerts/rules/rul_1')).toHaveLength(1));
  });
});
