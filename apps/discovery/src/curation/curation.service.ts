import { Injectable } from '@nestjs/common';
import { EventBus } from '@seatwise/platform/bus/event-bus';
import { Clock } from '@seatwise/platform/clock/clock';
import type { CatalogMatch } from '@seatwise/shared/contracts/discovery-events';
import type { ServiceView } from '@seatwise/shared/contracts/discovery-views';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { AppError, ErrorCodes } from '@seatwise/shared/errors/app-error';
import { randomUUID } from 'node:crypto';
import { SaasCatalog, toMatch } from '../catalog/saas-catalog';
import { type ActionDoc, actionOn, ActionsRepository } from '../inventory/actions.repository';
import { accountOfId } from '../inventory/ids';
import { matchedEvent } from '../inventory/matched-event';
import { type ServiceChanges, type ServiceDoc, ServicesRepository } from '../inventory/services.repository';
import { WriteLock } from '../inventory/write-lock';
import { serviceView } from '../query/views';
import { RollupService } from '../rollup/rollup.service';
import { FlagRules } from '../inventory/flag-rules';

// What every command carries: the service, who decides, and why.
interface Command {
  id: string;
  actor: string;
  note?: string | undefined;
}

// What a person decides about a discovered service: match it to a catalog product, merge it into
// another service (one product), ignore it, or undo a match or an ignore. Each decision is written to the
// action log, and the services-across-customers rollup follows it.
@Injectable()
export class CurationService {
  constructor(
    private readonly services: ServicesRepository,
    private readonly actions: ActionsRepository,
    private readonly catalog: SaasCatalog,
    private readonly lock: WriteLock,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly rollup: RollupService,
    private readonly flags: FlagRules,
  ) {}

  async match(command: RpcInput<'discovery.services.match'>): Promise<ServiceView> {
    const product = this.catalog.get(command.productId);
    if (!product) {
      throw new AppError('DISCOVERY.PRODUCT.NOT_FOUND', `No catalog product ${command.productId}`, [
        { path: 'productId', message: 'unknown product' },
      ]);
    }
    const catalog = toMatch(product, 'manual', this.catalog.version);
    const service = await this.change(command.id, (s) => ({
      status: s.status === 'ignored' ? 'ignored' : 'known',
      catalog,
      catalogLocked: true,
    }));
    const action = await this.log(service, command, { action: 'match', catalog });
    await this.bus.publish('discovery.service.matched', matchedEvent(action, service.applicationKey));
    return this.view(service);
  }

  // No product, and automatic matching leaves the service alone until a person matches it again.
  async unmatch(command: RpcInput<'discovery.services.unmatch'>): Promise<ServiceView> {
    const service = await this.change(command.id, (s) => {
      if (s.mergedInto !== null) throw invalidState(s, `it is merged into ${s.mergedInto}`);
      return { status: s.status === 'ignored' ? 'ignored' : 'new', catalog: null, catalogLocked: true };
    });
    await this.log(service, command, { action: 'unmatch' });
    return this.view(service);
  }

  async unignore(command: RpcInput<'discovery.services.unignore'>): Promise<ServiceView> {
    const service = await this.change(command.id, (s) => {
      if (s.status !== 'ignored') throw invalidState(s, 'it is not ignored');
      return { status: s.catalog || s.mergedInto !== null ? 'known' : 'new' };
    });
    await this.log(service, command, { action: 'unignore' });
    return this.view(service);
  }

  async merge(command: RpcInput<'discovery.services.merge'>): Promise<ServiceView> {
    if (command.intoId === command.id) {
      throw new AppError('DISCOVERY.MERGE.INVALID', 'A service cannot be merged into itself', [
        { path: 'intoId', message: 'same as id' },
      ]);
    }
    const scope = accountOfId(command.id);
    if (accountOfId(command.intoId).accountId !== scope.accountId) {
      throw new AppError('DISCOVERY.MERGE.INVALID', 'Services of different accounts cannot be merged', [
        { path: 'intoId', message: 'another account' },
      ]);
    }
    const target = await this.services.get(scope, command.intoId);
    if (!target) throw notFound(command.intoId);
    if (target.mergedInto !== null) {
      throw new AppError(
        'DISCOVERY.MERGE.INVALID_STATE',
        `Service ${target._id} is itself merged into ${target.mergedInto}`,
      );
    }
    const source = await this.services.get(scope, command.id);
    if (!source) throw notFound(command.id);
    if ((await this.services.mergedInto(scope, source._id)).length > 0) {
      throw new AppError(
        'DISCOVERY.MERGE.INVALID_STATE',
        `Other services are merged into ${source._id}; merge those into ${target._id} first`,
      );
    }
    const catalog: CatalogMatch | null = target.catalog
      ? { ...target.catalog, method: 'merge', catalogVersion: this.catalog.version }
      : null;
    const service = await this.change(command.id, () => ({
      status: 'known',
      mergedInto: target._id,
      catalog,
      catalogLocked: true,
    }));
    await this.log(service, command, { action: 'merge', catalog, intoServiceId: target._id });
    return this.view(service);
  }

  async ignore(command: RpcInput<'discovery.services.ignore'>): Promise<ServiceView> {
    const service = await this.change(command.id, () => ({ status: 'ignored' }));
    await this.log(service, command, { action: 'ignore' });
    return this.view(service);
  }

  // `decide` sees the service as stored (inside the lock) and says what changes, or throws.
  private async change(id: string, decide: (current: ServiceDoc) => ServiceChanges): Promise<ServiceDoc> {
    const scope = accountOfId(id);
    const [before, after] = await this.lock.run('services', async () => {
      const current = await this.services.get(scope, id);
      if (!current) throw notFound(id);
      return [current, await this.services.update(scope, id, decide(current))] as const;
    });
    if (!after) throw notFound(id);
    await this.rollup.refresh([before.groupKey, after.groupKey]);
    return after;
  }

  private view(service: ServiceDoc): ServiceView {
    return serviceView(service, this.flags.options());
  }

  private async log(
    service: ServiceDoc,
    command: Command,
    what: Pick<ActionDoc, 'action'> & Partial<ActionDoc>,
  ): Promise<ActionDoc> {
    const action = actionOn(service, {
      _id: randomUUID(),
      automatic: false,
      actor: command.actor,
      note: command.note ?? null,
      at: this.clock.now(),
      ...what,
    });
    await this.actions.record([action]);
    return action;
  }
}

function invalidState(service: ServiceDoc, why: string): AppError {
  return new AppError('DISCOVERY.SERVICE.INVALID_STATE', `Service ${service._id} cannot be changed so: ${why}`);
}

function notFound(id: string): AppError {
  return new AppError(ErrorCodes.NOT_FOUND, `No service ${id}`);
}
