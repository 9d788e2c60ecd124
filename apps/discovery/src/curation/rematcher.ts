import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { EventBus } from '@seatwise/platform/bus/event-bus';
import { Clock } from '@seatwise/platform/clock/clock';
import { KeyedSerializer } from '@seatwise/platform/db/keyed-serializer';
import { APP_ENV, LOGGER } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/discovery-env';
import type { Logger } from '@seatwise/shared/logging/logger';
import { CustomCatalogRepository } from '../catalog/custom-catalog.repository';
import { SaasCatalog } from '../catalog/saas-catalog';
import { actionOn, ActionsRepository } from '../inventory/actions.repository';
import { matchedEvent } from '../inventory/matched-event';
import { ServicesRepository } from '../inventory/services.repository';
import { WriteLock } from '../inventory/write-lock';
import { RollupService } from '../rollup/rollup.service';
import { rematchOf } from './rematch';

const DISCOVERY_ACTOR = 'discovery';

// Brings every service's automatic match to the catalog's current version: at start when the catalog
// changed since the last re-match (new built-in rows, or a custom edit a crash cut short), and after each
// custom edit. Each change is an automatic action log entry whose id names the version, so a repeat after
// a crash records nothing twice; the catalog state then remembers the version.
@Injectable()
export class Rematcher implements OnApplicationBootstrap {
  private readonly serial = new KeyedSerializer();

  constructor(
    private readonly catalog: SaasCatalog,
    private readonly state: CustomCatalogRepository,
    private readonly services: ServicesRepository,
    private readonly actions: ActionsRepository,
    private readonly lock: WriteLock,
    private readonly rollup: RollupService,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    @Inject(APP_ENV) private readonly env: Env,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // A query-only replica leaves the writes to the one that consumes.
    if (!this.env.DISCOVERY_CONSUME) return;
    if ((await this.state.matchedVersion()) === this.catalog.version) return;
    const changed = await this.run();
    if (changed > 0) this.logger.info({ changed, version: this.catalog.version }, 'services re-matched to the catalog');
  }

  // How many services changed.
  run(): Promise<number> {
    return this.serial.run('rematch', async () => {
      const version = this.catalog.version;
      let changed = 0;
      for await (const page of this.services.rematchable()) {
        for (const service of page) if (await this.rematch(service._id, service.accountId, version)) changed++;
      }
      await this.state.setMatchedVersion(version);
      return changed;
    });
  }

  private async rematch(id: string, accountId: string, version: string): Promise<boolean> {
    const scope = { accountId };
    const result = await this.lock.run('services', async () => {
      const current = await this.services.get(scope, id);
      const change = current && rematchOf(current, (name) => this.catalog.match(name));
      if (!current || !change) return null;
      const after = await this.services.update(scope, id, change);
      return after ? { before: current, after } : null;
    });
    if (!result) return false;
    const { before, after } = result;
    const action = actionOn(after, {
      _id: `rematch:${version}:${after._id}`,
      action: after.catalog ? 'match' : 'unmatch',
      automatic: true,
      actor: DISCOVERY_ACTOR,
      catalog: after.catalog,
      at: this.clock.now(),
    });
    await this.actions.record([action]);
    if (after.catalog) await this.bus.publish('discovery.service.matched', matchedEvent(action, after.applicationKey));
    await this.rollup.refresh([before.groupKey, after.groupKey]);
    return true;
  }
}
