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
import { type ServiceDoc, ServicesRepository } from '../inventory/services.repository';
import { WriteLock } from '../inventory/write-lock';
import { serviceView } from '../query/views';

// What every command carries: the service, who decides, and why.
interface Command {
  id: string;
  actor: string;
  note?: string | undefined;
}

// What a person decides about a discovered service: match it to a catalog product, merge it into
// another service (one product), or ignore it. Each decision is written to the action log.
@Injectable()
export class CurationService {
  constructor(
    private readonly services: ServicesRepository,
    private readonly actions: ActionsRepository,
    private readonly catalog: SaasCatalog,
    private readonly lock: WriteLock,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  async match(command: RpcInput<'discovery.services.match'>): Promise<ServiceView> {
    const product = this.catalog.get(command.productId);
    if (!product) {
      throw new AppError('DISCOVERY.PRODUCT.NOT_FOUND', `No catalog product ${command.productId}`, [
        { path: 'productId', message: 'unknown product' },
      ]);
    }
    const catalog = toMatch(product, 'manual');
    const service = await this.change(command.id, { status: 'known', catalog });
    const action = await this.log(service, command, { action: 'match', catalog });
    await this.bus.publish('discovery.service.matched', matchedEvent(action, service.applicationKey));
    return serviceView(service);
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
    const catalog: CatalogMatch | null = target.catalog ? { ...target.catalog, method: 'merge' } : null;
    const service = await this.change(command.id, { status: 'known', mergedInto: target._id, catalog });
    await this.log(service, command, { action: 'merge', catalog, intoServiceId: target._id });
    return serviceView(service);
  }

  async ignore(command: RpcInput<'discovery.services.ignore'>): Promise<ServiceView> {
    const service = await this.change(command.id, { status: 'ignored' });
    await this.log(service, command, { action: 'ignore' });
    return serviceView(service);
  }

  private async change(
    id: string,
    changes: Partial<Pick<ServiceDoc, 'status' | 'catalog' | 'mergedInto'>>,
  ): Promise<ServiceDoc> {
    const service = await this.lock.run('services', () => this.services.update(accountOfId(id), id, changes));
    if (!service) throw notFound(id);
    return service;
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

function notFound(id: string): AppError {
  return new AppError(ErrorCodes.NOT_FOUND, `No service ${id}`);
}
