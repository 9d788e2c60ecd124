import { Inject, Injectable } from '@nestjs/common';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/discovery-env';
import { ServerTraits } from './server-traits';

export type WriteMode = 'replace' | 'rewrite';

// Which way the inventories are written (see DISCOVERY_INVENTORY_WRITES). `auto` asks the server: rewrite on
// FerretDB 1.x, replace elsewhere.
@Injectable()
export class InventoryWrites {
  private resolved: Promise<WriteMode> | undefined;

  constructor(
    private readonly server: ServerTraits,
    @Inject(APP_ENV) private readonly env: Env,
  ) {}

  mode(): Promise<WriteMode> {
    this.resolved ??= this.resolve();
    return this.resolved;
  }

  private async resolve(): Promise<WriteMode> {
    const configured = this.env.DISCOVERY_INVENTORY_WRITES;
    if (configured !== 'auto') return configured;
    return (await this.server.isFerretdb1()) ? 'rewrite' : 'replace';
  }
}
