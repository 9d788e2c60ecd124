import { Alert, Text } from '@mantine/core';
import { AnchorLink } from '../../ui/anchor-link';

// The API's 409 RECONCILE.NOT_READY: nothing is reconciled until an account and a service are mapped.
export function NotReadyAlert() {
  return (
    <Alert color="yellow" title="Nothing to reconcile yet" role="alert">
      <Text size="sm">
        Reconciliation starts once at least one Duo account is mapped to a PSA company and one Duo service (SKU) is
        mapped to a PSA product.{' '}
        <AnchorLink to="/mapping" size="sm">
          Go to mapping
        </AnchorLink>
      </Text>
    </Alert>
  );
}
