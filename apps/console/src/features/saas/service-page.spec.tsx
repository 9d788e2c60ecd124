import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CSRF_HEADER } from '../../api/client';
import { ADMIN_SESSION, renderRoute, VIEWER_SESSION } from '../../testing/render';
import { service, serviceDetail, serviceGateway, ZOOM_PRODUCT } from './saas-fixtures';

// Whole screens in jsdom (Mantine, the router, several requests) run past jest's default 5 s when the
// suites run side by side.
jest.setTimeout(30_000);

// The whole console renders (layout, lazy route): its first screen takes longer than findBy's default second.
const FIRST_PAINT = { timeout: 8000 };
const ZOOM = serviceDetail();
const PATH = `/api/v1/services/${ZOOM.id}`;

async function openServicePage(session = ADMIN_SESSION, gateway = serviceGateway(ZOOM)) {
  const rendered = renderRoute(`/saas/services/${ZOOM.id}`, { session, gateway });
  await screen.findByRole('heading', { name: 'Zoom SSO' }, FIRST_PAINT);
  return rendered;
}

// jsdom never runs the dropdown's enter transition, so options stay display:none there (hence hidden).
async function pick(combobox: HTMLElement, option: string | RegExp) {
  await userEvent.click(combobox);
  await userEvent.click(await screen.findByRole('option', { name: option, hidden: true }));
}

describe('Service page', () => {
  it('matches the service to a catalog product picked from a server search', async () => {
    const gateway = serviceGateway(ZOOM)
      .on('GET /api/v1/catalog', { body: { items: [ZOOM_PRODUCT] } })
      .on(`POST ${PATH}/match`, {
        body: {
          ...service(),
          status: 'known',
          catalog: { productId: 'prod_zoom', productName: 'Zoom Workplace', method: 'manual' },
        },
      });
    await openServicePage(ADMIN_SESSION, gateway);

    await userEvent.click(screen.getByRole('button', { name: 'Match to product…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Match Zoom SSO to a catalog product' });
    await waitFor(() => expect(gateway.made('GET /api/v1/catalog')[0]?.query.get('q')).toBe('Zoom SSO'));
    await pick(within(dialog).getByRole('combobox', { name: 'Catalog product' }), 'Zoom Workplace (Zoom)');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'same app');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Match' }));

    await waitFor(() => expect(gateway.made(`POST ${PATH}/match`)).toHaveLength(1));
    const [request] = gateway.made(`POST ${PATH}/match`);
    expect(request?.body).toEqual({ productId: 'prod_zoom', note: 'same app' });
    expect(request?.headers.get(CSRF_HEADER)).toBe(ADMIN_SESSION.csrfToken);
  });

  it('ignores the service only after confirmation, with the note', async () => {
    const gateway = serviceGateway(ZOOM).on(`POST ${PATH}/ignore`, { body: { ...service(), status: 'ignored' } });
    await openServicePage(ADMIN_SESSION, gateway);

    await userEvent.click(screen.getByRole('button', { name: 'Ignore' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ignore Zoom SSO?' });
    expect(gateway.made(`POST ${PATH}/ignore`)).toHaveLength(0);
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'personal account');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ignore service' }));

    await waitFor(() => expect(gateway.made(`POST ${PATH}/ignore`)).toHaveLength(1));
    const [request] = gateway.made(`POST ${PATH}/ignore`);
    expect(request?.body).toEqual({ note: 'personal account' });
    expect(request?.headers.get(CSRF_HEADER)).toBe(ADMIN_SESSION.csrfToken);
  });

  it("merges the service into another of the account's services", async () => {
    const teams = service({ id: 'acc_1.DITEAMS', name: 'Zoom Teams', applicationKey: 'DITEAMS' });
    const gateway = serviceGateway(ZOOM)
      .on('GET /api/v1/services', { body: { items: [service(), teams], nextCursor: null } })
      .on(`POST ${PATH}/merge`, { body: { ...service(), mergedInto: teams.id } });
    await openServicePage(ADMIN_SESSION, gateway);

    await userEvent.click(screen.getByRole('button', { name: 'Merge into…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Merge Zoom SSO into another service' });
    const combobox = within(dialog).getByRole('combobox', { name: 'Merge into' });
    await waitFor(() => expect(gateway.made('GET /api/v1/services')[0]?.query.get('accountId')).toBe('acc_1'));
    await userEvent.click(combobox);
    // The service itself is not offered as a target.
    expect(screen.queryByRole('option', { name: 'Zoom SSO', hidden: true })).not.toBeInTheDocument();
    await userEvent.click(await screen.findByRole('option', { name: 'Zoom Teams', hidden: true }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));

    await waitFor(() => expect(gateway.made(`POST ${PATH}/merge`)).toHaveLength(1));
    expect(gateway.made(`POST ${PATH}/merge`)[0]?.body).toEqual({ intoId: 'acc_1.DITEAMS' });
  });

  it('shows a viewer the service without any match, merge or ignore control', async () => {
    await openServicePage(VIEWER_SESSION);

    expect(screen.getByText('Unmatched')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Match/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Merge/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Ignore/ })).not.toBeInTheDocument();
  });
});
