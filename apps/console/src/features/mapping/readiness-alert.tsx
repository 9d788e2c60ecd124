import { Alert, Button, Group, List, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useReconcileReadiness } from '../../queries/reconcile-readiness';

// Says what is still missing before reconciliation can start, or leads there once it can.
export function ReadinessAlert() {
  const readiness = useReconcileReadiness();
  if (readiness.status === 'unknown') return null;
  if (readiness.status === 'ready') {
    return (
      <Alert color="green" mb="md" title="Reconciliation is ready">
        <Group justify="space-between" wrap="wrap">
          <Text size="sm">At least one account and one service are mapped.</Text>
          <Button component={Link} to="/reconciliation" size="xs">
            Go to reconciliation
          </Button>
        </Group>
      </Alert>
    );
  }
  const missing = [
    readiness.accountMissing ? 'No Duo account is mapped to a PSA company yet (Accounts tab).' : null,
    readiness.serviceMissing ? 'No Duo SKU is mapped to a PSA product yet (Services tab).' : null,
  ].filter((line): line is string => line !== null);
  return (
    <Alert color="yellow" mb="md" role="alert" title="Map at least one account and one service to start reconciliation">
      <List size="sm">
        {missing.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
