import { Module } from '@nestjs/common';
import { AlertsClient } from './alerts.client';
import { ConnectorClient } from './connector.client';
import { DiscoveryClient } from './discovery.client';
import { ReconcileClient } from './reconcile.client';
import { SecretSealer } from './secret-sealer';

// The services behind the gateway, one typed client each.
@Module({
  providers: [SecretSealer, ConnectorClient, DiscoveryClient, ReconcileClient, AlertsClient],
  exports: [ConnectorClient, DiscoveryClient, ReconcileClient, AlertsClient],
})
export class UpstreamModule {}
