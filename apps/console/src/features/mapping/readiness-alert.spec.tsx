import { screen, within } from '@testing-library/react';
import { FakeGateway } from '../../testing/fake-gateway';
import { renderRoute } from '../../testing/render';
import { account, ACCOUNTS, notReady, service, withMappingData } from './mapping-fixtures';

// Each test renders the whole console (layout, lazy route, live stream) against the fake gateway.
jest.setTimeout(20_000);

const TITLE = 'Map at least one account and one service to start reconciliation';

describe('Mapping: readiness for reconciliation', () => {
  it('says both are missing while reconciliation answers NOT_READY and nothing is mapped', async () => {
    const gateway = notReady(withMappingData(new FakeGateway(), { accounts: [account()], services: [service()] }));
    renderRoute('/mapping', { gateway });
    const alert = await screen.findByRole('alert', { name: TITLE }, { timeout: 5000 });
    expect(within(alert).getByText(/No Duo account is mapped to a PSA company yet/)).toBeInTheDocument();
    expect(within(alert).getByText(/No Duo SKU is mapped to a PSA product yet/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Go to reconciliation' })).toBeNull();
  });

  it('names only what is still missing', async () => {
    const gateway = notReady(withMappingData(new FakeGateway(), { accounts: ACCOUNTS, services: [service()] }));
    renderRoute('/mapping', { gateway });
    const alert = await screen.findByRole('alert', { name: TITLE }, { timeout: 5000 });
    expect(within(alert).getByText(/No Duo SKU is mapped/)).toBeInTheDocument();
    expect(within(alert).queryByText(/No Duo account is mapped/)).toBeNull();
  });

  it('shows the server’s reason when the lists do not explain a NOT_READY', async () => {
    const gateway = notReady(
      withMappingData(new FakeGateway(), { accounts: ACCOUNTS, services: [service({ state: 'mapped' })] }),
    );
    renderRoute('/mapping', { gateway });
    const alert = await screen.findByRole('alert', { name: TITLE }, { timeout: 5000 });
    expect(
      within(alert).getByText(/Reconciliation starts once at least one Duo account is mapped/),
    ).toBeInTheDocument();
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
  });
});
