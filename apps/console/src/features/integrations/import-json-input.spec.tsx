import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeGateway, problem } from '../../testing/fake-gateway';
import { renderWithApp } from '../../testing/render';
import { ImportJsonInput } from './import-json-input';
import { psaConnectionView } from './test-fixtures';

jest.setTimeout(20_000);

const jsonFile = (name: string, content: string) => new File([content], name, { type: 'application/json' });

const IMPORT = {
  companies: [{ id: 'c1', name: '' }],
  products: [{ id: 'p1', name: 'Duo Advantage' }],
  agreementLines: [{ companyId: 'c1', productId: 'p1', quantity: 10 }],
};

describe('Import JSON', () => {
  it('posts the chosen file, and shows the problem detail with each field error of a bad file', async () => {
    const gateway = new FakeGateway().on('POST /api/v1/psa/import', {
      status: 400,
      body: {
        ...problem(400, 'COMMON.VALIDATION_FAILED', 'The import is invalid'),
        errors: [{ path: 'body.companies.0.name', message: 'Too small: expected string to have >=1 characters' }],
      },
    });
    renderWithApp(<ImportJsonInput />, { gateway });

    await userEvent.upload(
      screen.getByLabelText('Import JSON (file)'),
      jsonFile('acme-billing.json', JSON.stringify(IMPORT)),
    );

    const alert = await screen.findByRole('alert', { name: 'The file was not imported' });
    expect(alert).toHaveTextContent('The import is invalid');
    expect(alert).toHaveTextContent('body.companies.0.name: Too small');
    const [request] = gateway.made('POST /api/v1/psa/import');
    // Named after the file, since it carries no name of its own.
    expect(request?.body).toEqual({ ...IMPORT, name: 'acme-billing' });
    expect(request?.headers.get('X-CSRF-Token')).toBe('csrf-token-1');
  });

  it('refuses a file that is not JSON without sending it', async () => {
    const gateway = new FakeGateway();
    renderWithApp(<ImportJsonInput />, { gateway });
    await userEvent.upload(
      screen.getByLabelText('Import JSON (file)'),
      jsonFile('notes.json', 'name,quantity\nacme,3'),
    );
    expect(await screen.findByRole('alert', { name: 'The file was not imported' })).toHaveTextContent(
      'notes.json is not valid JSON.',
    );
    expect(gateway.requests).toHaveLength(0);
  });

  it('replaces the previous import of an import connection', async () => {
    const into = psaConnectionView({ id: 'con_import', name: 'Spreadsheet', kind: 'import' });
    const gateway = new FakeGateway().on('POST /api/v1/psa/import', {
      body: { connection: into, counts: { companies: 1, products: 1, agreementLines: 1 } },
    });
    renderWithApp(<ImportJsonInput into={into} />, { gateway });
    await userEvent.upload(
      screen.getByLabelText('Re-import JSON into Spreadsheet (file)'),
      jsonFile('march.json', JSON.stringify({ ...IMPORT, name: 'Spreadsheet' })),
    );
    await waitFor(() => {
      expect(gateway.made('POST /api/v1/psa/import')).toHaveLength(1);
    });
    expect(gateway.made('POST /api/v1/psa/import')[0]?.body).toMatchObject({
      connectionId: 'con_import',
      name: 'Spreadsheet',
    });
    expect(await screen.findByText('1 companies, 1 products, 1 agreement lines')).toBeInTheDocument();
  });
});
