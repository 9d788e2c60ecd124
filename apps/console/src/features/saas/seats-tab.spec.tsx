import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CSRF_HEADER } from '../../api/client';
import { type FakeGateway, problem } from '../../testing/fake-gateway';
import { ADMIN_SESSION, renderRoute, VIEWER_SESSION } from '../../testing/render';
import { ACCOUNT, saasGateway } from './saas-fixtures';
import { accountSeats, reclaimableSeat, seatsPaths } from './seats-fixtures';

// Whole screens in jsdom (Mantine, the router, several requests) run past jest's default 5 s when the
// suites run side by side.
jest.setTimeout(30_000);

// The whole console renders (layout, lazy route): its first screen takes longer than findBy's default second.
const FIRST_PAINT = { timeout: 8000 };
const SEATS_TAB = `/saas?accountId=${ACCOUNT.id}&tab=seats`;

const JANE = reclaimableSeat();
const BOB = reclaimableSeat({
  id: 'acc_1.DUBOB',
  username: 'bob',
  email: 'bob@acme.test',
  enrolled: false,
  lastSuccess: null,
  reason: 'never-enrolled',
});

function gateway(): FakeGateway {
  return saasGateway()
    .on(seatsPaths.seats, { body: { items: [accountSeats()], total: { billableUsers: 40, reclaimable: 9 } } })
    .on(`GET ${seatsPaths.settings}`, { body: { accountId: ACCOUNT.id, unusedAfterDays: 30 } })
    .on(seatsPaths.reclaimable, (request) => {
      const reason = request.query.get('reason');
      const items = [JANE, BOB].filter((u) => reason === null || u.reason === reason);
      return { body: { items, nextCursor: null } };
    });
}

// jsdom never runs the dropdown's enter transition, so options stay display:none there (hence hidden).
async function pick(combobox: HTMLElement, option: string) {
  await userEvent.click(combobox);
  await userEvent.click(await screen.findByRole('option', { name: option, hidden: true }));
}

describe("An account's unused seats", () => {
  it('lists the reclaimable seats with their reasons, filters by reason on the server and exports the same', async () => {
    const fake = gateway();
    renderRoute(SEATS_TAB, { gateway: fake });

    const table = await screen.findByRole('table', { name: 'Reclaimable seats' }, FIRST_PAINT);
    expect(screen.getByRole('tab', { name: 'Unused seats' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('group', { name: 'Seat summary' })).toHaveTextContent('Reclaimable: 9');
    const janeRow = within(table).getByRole('link', { name: 'jane.doe' }).closest('tr') as HTMLElement;
    expect(within(janeRow).getByText('jane@acme.test')).toBeInTheDocument();
    expect(within(janeRow).getByText('Inactive')).toBeInTheDocument();
    expect(within(table).getByText('Never enrolled')).toBeInTheDocument();

    await pick(screen.getByRole('combobox', { name: 'Reason' }), 'Never enrolled');
    await waitFor(() => expect(within(table).queryByRole('link', { name: 'jane.doe' })).not.toBeInTheDocument());
    expect(fake.made(seatsPaths.reclaimable).at(-1)?.query.get('reason')).toBe('never-enrolled');
    expect(screen.getByRole('link', { name: 'bob' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Export reclaimable seats as CSV' })).toHaveAttribute(
      'href',
      `/api/v1/discovery/seats/${ACCOUNT.id}/reclaimable?reason=never-enrolled&format=csv`,
    );

    await userEvent.click(screen.getByRole('button', { name: /Last success/ }));
    await waitFor(() => expect(fake.made(seatsPaths.reclaimable).at(-1)?.query.get('sort')).toBe('lastSuccess'));
  });

  it('lets an admin change after how many days a seat is unused', async () => {
    const fake = gateway().on(`PUT ${seatsPaths.settings}`, { body: { accountId: ACCOUNT.id, unusedAfterDays: 60 } });
    renderRoute(SEATS_TAB, { gateway: fake, session: ADMIN_SESSION });

    const days = await screen.findByRole('textbox', { name: /Unused after \(days\)/ }, FIRST_PAINT);
    expect(days).toHaveValue('30');
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();
    await userEvent.clear(days);
    await userEvent.type(days, '60');
    await userEvent.click(save);

    await waitFor(() => expect(fake.made(`PUT ${seatsPaths.settings}`)).toHaveLength(1));
    const [request] = fake.made(`PUT ${seatsPaths.settings}`);
    expect(request?.body).toEqual({ unusedAfterDays: 60 });
    expect(request?.headers.get(CSRF_HEADER)).toBe(ADMIN_SESSION.csrfToken);
    // The seat counts and list follow the new rule.
    await waitFor(() => expect(fake.made(seatsPaths.reclaimable).length).toBeGreaterThan(1));
  });

  it("shows the API's problem detail when the setting is refused, and nothing saved", async () => {
    const fake = gateway().on(`PUT ${seatsPaths.settings}`, {
      status: 400,
      body: {
        ...problem(400, 'COMMON.VALIDATION_FAILED', 'The request is not valid'),
        errors: [{ path: 'unusedAfterDays', message: 'must be at most 365' }],
      },
    });
    renderRoute(SEATS_TAB, { gateway: fake, session: ADMIN_SESSION });

    const days = await screen.findByRole('textbox', { name: /Unused after \(days\)/ }, FIRST_PAINT);
    await userEvent.clear(days);
    await userEvent.type(days, '90');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    // Named by its title: a notification from an earlier test may still be on screen, also as an alert.
    const alert = await screen.findByRole('alert', { name: 'Not saved' });
    expect(alert).toHaveTextContent('The request is not valid');
    expect(alert).toHaveTextContent('unusedAfterDays: must be at most 365');
  });

  it('shows a viewer the setting read-only, without a Save button', async () => {
    renderRoute(SEATS_TAB, { gateway: gateway(), session: VIEWER_SESSION });

    expect(
      await screen.findByText('A seat is unused after 30 days without a successful sign-in.', {}, FIRST_PAINT),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /Unused after/ })).not.toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Reclaimable seats' })).toBeInTheDocument();
  });

  it("shows the API's problem detail when the reclaimable seats cannot be loaded", async () => {
    const fake = gateway().on(seatsPaths.reclaimable, {
      status: 404,
      body: problem(404, 'COMMON.NOT_FOUND', `No account ${ACCOUNT.id}`),
    });
    renderRoute(SEATS_TAB, { gateway: fake });

    const alert = await screen.findByRole('alert', { name: 'Could not load reclaimable seats' }, FIRST_PAINT);
    expect(alert).toHaveTextContent(`No account ${ACCOUNT.id}`);
  });
});
