import { notifications } from '@mantine/notifications';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeGateway } from '../../testing/fake-gateway';
import { renderRoute } from '../../testing/render';
import { row, withReviewData } from './reconciliation-fixtures';
import type { ReconciliationRow } from './row-labels';

const LATER = '2099-01-01T00:00:00.000Z';

const ROWS = [
  row({ id: 'row-1', accountName: 'Acme', note: 'old note' }),
  row({ id: 'row-2', accountName: 'Globex', accountId: 'DA0000000000000002', mutedUntil: LATER }),
];

function rowOf(name: string): HTMLElement {
  const tr = screen.getByRole('button', { name: `Details for ${name}` }).closest('tr');
  if (tr === null) throw new Error(`no table row for ${name}`);
  return tr;
}

// The mute route as the API answers it: the rows with their new mutedUntil (days 0 unmutes).
function answerMutes(state: { rows: ReconciliationRow[] }) {
  return (request: { body: unknown }) => {
    const { ids, days } = request.body as { ids: string[]; days: number };
    const mutedUntil = days === 0 ? null : LATER;
    state.rows = state.rows.map((r) => (ids.includes(r.id) ? { ...r, mutedUntil, revision: r.revision + 1 } : r));
    return { body: { items: state.rows.filter((r) => ids.includes(r.id)) } };
  };
}

function listRequests(gateway: FakeGateway) {
  return gateway.made('GET /api/v1/reconciliation');
}

// Whole-console renders on a busy CI machine take longer than Testing Library's default second.
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);

describe('Reconciliation review: filters, mute and notes', () => {
  beforeAll(() => import('./reconciliation-page'));
  // The notifications store outlives a test; a full queue would hide the next test's notification.
  afterEach(() => notifications.clean());

  it('leaves muted rows out until "Show muted" is on, and filters by a minimum delta kept in the address', async () => {
    const user = userEvent.setup();
    const { gateway } = withReviewData(new FakeGateway(), ROWS);
    renderRoute('/reconciliation', { gateway });
    await screen.findByRole('button', { name: 'Details for Acme Essentials' });
    expect(listRequests(gateway)[0]?.query.get('muted')).toBe('false');

    await user.click(screen.getByRole('switch', { name: 'Show muted' }));
    await waitFor(() => expect(listRequests(gateway).at(-1)?.query.has('muted')).toBe(false));
    expect(within(rowOf('Globex Essentials')).getByText('Muted')).toBeInTheDocument();
    expect(within(rowOf('Acme Essentials')).queryByText('Muted')).toBeNull();

    await user.type(screen.getByRole('textbox', { name: 'Minimum delta' }), '5');
    await waitFor(() => expect(listRequests(gateway).at(-1)?.query.get('minDelta')).toBe('5'));
    expect(listRequests(gateway).at(-1)?.query.has('muted')).toBe(false);
    const href = screen.getByRole('link', { name: 'Export reconciliation rows as CSV' }).getAttribute('href') ?? '';
    expect(Object.fromEntries(new URL(href, 'http://console.test').searchParams)).toEqual({
      minDelta: '5',
      format: 'csv',
    });
  });

  it('mutes a row for 90 days with a note, and unmutes a muted row without asking', async () => {
    const user = userEvent.setup();
    const { gateway, state } = withReviewData(new FakeGateway(), ROWS);
    gateway.on('POST /api/v1/reconciliation/mute', answerMutes(state));
    renderRoute('/reconciliation?showMuted=true', { gateway });

    await user.click(await screen.findByRole('button', { name: 'Actions for Acme Essentials' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Mute…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mute 1 row' });
    await user.click(within(dialog).getByRole('radio', { name: '90 days' }));
    await user.type(within(dialog).getByRole('textbox', { name: /^Note/ }), 'renewal in March');
    await user.click(within(dialog).getByRole('button', { name: 'Mute for 90 days' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Mute 1 row' })).toBeNull());
    expect(gateway.made('POST /api/v1/reconciliation/mute')[0]?.body).toEqual({
      ids: ['row-1'],
      days: 90,
      note: 'renewal in March',
    });
    expect(await screen.findByText('Muted 1 row for 90 days')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Actions for Globex Essentials' }));
    expect(await screen.findByRole('menuitem', { name: 'Unmute' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'Mute…' })).toBeNull();
    await user.click(screen.getByRole('menuitem', { name: 'Unmute' }));
    await waitFor(() => expect(gateway.made('POST /api/v1/reconciliation/mute')).toHaveLength(2));
    expect(gateway.made('POST /api/v1/reconciliation/mute')[1]?.body).toEqual({ ids: ['row-2'], days: 0 });
    expect(await screen.findByText('Unmuted 1 row')).toBeInTheDocument();
  });

  it("mutes the selected rows for a number of days of the user's", async () => {
    const user = userEvent.setup();
    const { gateway, state } = withReviewData(new FakeGateway(), ROWS);
    gateway.on('POST /api/v1/reconciliation/mute', answerMutes(state));
    renderRoute('/reconciliation?showMuted=true', { gateway });

    await user.click(await screen.findByRole('checkbox', { name: 'Select Acme Essentials' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Globex Essentials' }));
    await user.click(
      within(screen.getByRole('toolbar', { name: 'Selected rows' })).getByRole('button', { name: 'Mute…' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Mute 2 rows' });
    await user.click(within(dialog).getByRole('radio', { name: 'Other' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Days' }), '45');
    await user.click(within(dialog).getByRole('button', { name: 'Mute for 45 days' }));

    await waitFor(() => expect(gateway.made('POST /api/v1/reconciliation/mute')).toHaveLength(1));
    expect(gateway.made('POST /api/v1/reconciliation/mute')[0]?.body).toEqual({ ids: ['row-1', 'row-2'], days: 45 });
    await waitFor(() => expect(screen.queryByRole('toolbar', { name: 'Selected rows' })).toBeNull());
  });

  it("edits a row's note, starting from the one it has, and clears it", async () => {
    const user = userEvent.setup();
    const { gateway } = withReviewData(new FakeGateway(), ROWS);
    gateway.on('POST /api/v1/reconciliation/row-1/note', (request) => ({
      body: { ...ROWS[0], note: (request.body as { note: string }).note || null },
    }));
    renderRoute('/reconciliation', { gateway });

    await user.click(await screen.findByRole('button', { name: 'Actions for Acme Essentials' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Edit note…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Note for Acme Essentials' });
    const note = within(dialog).getByRole('textbox', { name: 'Note' });
    expect(note).toHaveValue('old note');
    await user.clear(note);
    await user.click(within(dialog).getByRole('button', { name: 'Clear note' }));

    await waitFor(() => expect(gateway.made('POST /api/v1/reconciliation/row-1/note')).toHaveLength(1));
    expect(gateway.made('POST /api/v1/reconciliation/row-1/note')[0]?.body).toEqual({ note: '' });
    expect(await screen.findByText('Note cleared')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Note for Acme Essentials' })).toBeNull());
  });
});
