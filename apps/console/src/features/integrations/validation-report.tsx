import { Alert, List, Text } from '@mantine/core';
import { PERMISSION_LABELS } from './duo-kinds';
import type { IntegrationReport } from './duo-queries';

type Validation = IntegrationReport['validation'];

// What probing the keys found: Duo's refusal (with Duo's own code), each missing permission by the name the
// Duo Admin Panel gives it, or success.
export function ValidationReport({ validation }: { validation: Validation }) {
  if (validation.error !== null) {
    const { code, message, duoCode } = validation.error;
    return (
      <Alert color="red" title="Duo refused the keys" role="alert">
        <Text size="sm">{message}</Text>
        <Text size="sm" mt={4}>
          {duoCode === null ? `Error ${code}` : `Duo error code ${duoCode} (${code})`}
        </Text>
        <Text size="sm" mt={4}>
          Check the API hostname, integration key and secret key, then authenticate again.
        </Text>
      </Alert>
    );
  }
  if (validation.missing.length > 0) {
    return (
      <Alert color="orange" title="Permissions missing" role="alert">
        <Text size="sm">The keys work, but the Duo application lacks these permissions:</Text>
        <List size="sm" mt={4} aria-label="Missing permissions">
          {validation.missing.map((permission) => (
            <List.Item key={permission}>{PERMISSION_LABELS[permission]}</List.Item>
          ))}
        </List>
        <Text size="sm" mt={4}>
          Tick them in the Duo Admin Panel (Applications, then this application), save, and authenticate again.
        </Text>
      </Alert>
    );
  }
  return (
    <Alert color="green" title="Connected" role="status">
      <Text size="sm">
        Duo accepted the keys with every permission needed; {validation.accountsFound}{' '}
        {validation.accountsFound === 1 ? 'account' : 'accounts'} found. The first sync starts now.
      </Text>
    </Alert>
  );
}
