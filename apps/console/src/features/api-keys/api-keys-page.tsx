import { Alert, Stack } from '@mantine/core';
import { AdminOnly } from '../../session/admin-only';
import { useCanChange } from '../../session/session';
import { PageHeader } from '../../shell/page-header';
import { CsvLink } from '../../ui/csv-link';
import { ApiKeysTable } from './api-keys-table';
import { CreateApiKey } from './create-api-key';

// Admins only: the navigation hides the page from viewers, and a viewer who types the address gets this
// explanation instead of the list (whose route would refuse them anyway), so nothing admin-only is requested.
export function ApiKeysPage() {
  const isAdmin = useCanChange();
  return (
    <Stack gap={0}>
      <PageHeader
        title="API keys"
        description="Keys for the API and for signing in to this console. A key is shown only when it is created."
        actions={
          <AdminOnly>
            <CsvLink path="/api/v1/api-keys" label="API keys" />
            <CreateApiKey />
          </AdminOnly>
        }
      />
      {isAdmin ? (
        <ApiKeysTable />
      ) : (
        <Alert color="yellow" title="Admins only" role="alert">
          API keys are managed by admins. Your key has the viewer role; ask an admin to create or revoke keys.
        </Alert>
      )}
    </Stack>
  );
}
