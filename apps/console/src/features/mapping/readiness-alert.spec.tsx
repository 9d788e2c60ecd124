import { screen, within } from '@testing-library/react';
import { FakeGateway } from '../../testing/fake-gateway';
import { renderRoute } from '../../testing/render';
import { account, ACCOUNTS, service, withMappingData } from './mapping-fixtures';

// Each test renders the whole console (layout, lazy route, live stream) against the fake gateway.
jest.setTimeout(20_000);

const TITLE = 'Map at least one account and one service to start reconciliation';

describe('Mapping: readiness for reconciliation', () => {
  it('says both are missing while nothing is mapped', async () => {
    const gateway = withMappingData(new FakeGateway(), { accounts: [account()], services: [service()] });
    renderRoute('/mapping', { gateway });
    const alert = await screen.findByRole('alert', { name: TITLE }, { timeout: 5000 });
    expect(within(alert).getByText(/No Duo account is mapped to a PSA company yet/)).toBeInTheDocument();
    expect(within(alert).getByText(/No Duo SKU is mapped to a PSA product yet/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Go to reconciliation' })).toBeNull();
  });

  it('names only what is still missing', async () => {
    const gateway = withMappingData(new FakeGateway(), { accounts: ACCOUNTS, services: [service()] });
    renderRoute('/mapping', { gateway });
    const alert = await screen.findByRole('alert', { name: TITLE }, { timeout: 5000 });
    expect(within(alert).getByText(/No Duo SKU is mapped/)).toBeInTheDocument();
    expect(within(alert).queryByText(/No Duo account is mapped/)).toBeNull();
  });

  it('leads to reconciliation once an account and a service are mapped', async () => {
    const gateway = withMappingData(new FakeGateway(), {
      accounts: ACCOUNTS,
      services: [service({ state: 'mapped' })],
    });
    renderRoute('/mapping', { gateway });
    const link = await screen.findByRole('link', { name: 'Go to reconciliation' }, { timeout: 5000 });
    expect(link).toHaveAttribute('href', '/reconciliation');
    expect(screen.queryByRole('alert', { name: TITLE })).toBeNull();
    // Readiness comes from the summary: the row list (409 until ready) is never asked just to find out.
    expect(gateway.made('GET /api/v1/reconciliation')).toHaveLength(0);
  });
});
