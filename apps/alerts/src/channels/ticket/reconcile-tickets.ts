import { Inject, Injectable } from '@nestjs/common';
import { BusConnection } from '@seatwise/platform/bus/bus-connection';
import { APP_ENV } from '@seatwise/platform/tokens';
import { RpcClient } from '@seatwise/shared/bus/rpc-client';
import type { Env } from '@seatwise/shared/config/alerts-env';
import type { TicketCreateRequest, TicketCreateResponse } from '@seatwise/shared/contracts/reconcile-tickets';

// Reconcile's ticket RPC (it owns the PSA connections and the account → company mappings): the ticket sender's only
// side effect. Rejects with reconcile's AppError, or COMMON.UPSTREAM_UNAVAILABLE / COMMON.TIMEOUT.
@Injectable()
export class ReconcileTickets {
  private readonly rpc: RpcClient;

  constructor(bus: BusConnection, @Inject(APP_ENV) env: Env) {
    this.rpc = new RpcClient(bus.nc, env.SEATWISE_BUS_PREFIX, env.ALERTS_TICKET_TIMEOUT_MS);
  }

  create(request: TicketCreateRequest): Promise<TicketCreateResponse> {
    return this.rpc.request('reconcile.tickets.create', request);
  }
}
