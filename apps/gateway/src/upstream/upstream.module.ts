import { Module } from '@nestjs/common';
import { ConnectorClient } from './connector.client';
import { DiscoveryClient } from './discovery.client';
import { ReconcileClient } from './reconcile.client';

// The services behind the gateway, one typed client each.
@Module({
  providers: [ConnectorClient, DiscoveryClient, ReconcileClient],
  exports: [ConnectorClient, DiscoveryClient, ReconcileClient],
})
export class UpstreamModule {}
