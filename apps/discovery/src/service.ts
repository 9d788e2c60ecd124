import type { ServiceDefinition } from '@seatwise/platform/bootstrap/create-service-app';
import type { Env } from '@seatwise/shared/config/discovery-env';
import { CapacityModule } from './capacity/capacity.module';
import { CatalogModule } from './catalog/catalog.module';
import { CurationModule } from './curation/curation.module';
import { IngestModule } from './ingest/ingest.module';
import { QueryModule } from './query/query.module';
import { RollupModule } from './rollup/rollup.module';
import { SeatsModule } from './seats/seats.module';

export const service: ServiceDefinition<Env> = {
  name: 'discovery',
  version: process.env['npm_package_version'] ?? '0.1.0',
  imports: () => [CatalogModule, QueryModule, CurationModule, RollupModule, SeatsModule, IngestModule, CapacityModule],
  rpc: true,
};
