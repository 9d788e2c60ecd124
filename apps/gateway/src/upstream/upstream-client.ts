import type { BusConnection } from '@seatwise/platform/bus/bus-connection';
import { RpcClient } from '@seatwise/shared/bus/rpc-client';
import { type RpcName, type RpcRequest, type RpcResponse, rpcs } from '@seatwise/shared/contracts/rpcs';
import { AppError, ErrorCodes } from '@seatwise/shared/errors/app-error';
import type { SecretSealer } from './secret-sealer';
import { TurnBatch } from './turn-batch';
import { recordValidated } from './validated-replies';

// One for every upstream client: they share the gateway's one NATS connection.
const turn = new TurnBatch();

// Request-reply to one service: typed by the shared rpcs map (both sides validated by RpcClient),
// with that service's deadline. No responder → COMMON.UPSTREAM_UNAVAILABLE (503), no reply in time →
// COMMON.TIMEOUT (504), a reply that breaks the contract or an error outside the catalog →
// GATEWAY.UPSTREAM_FAILED (502), the service's AppError → its code (its status is the catalog's).
export abstract class UpstreamClient<Prefix extends string> {
  private readonly rpc: RpcClient;

  protected constructor(bus: BusConnection, busPrefix: string, timeoutMs: number, sealer: SecretSealer) {
    // Validated as the contract says, then its secrets sealed to the service (SecretSealer).
    this.rpc = new RpcClient(bus.nc, busPrefix, timeoutMs, (name, data) => sealer.sealed(name, data));
  }

  call<K extends Extract<RpcName, `${Prefix}.${string}`>>(name: K, payload: RpcRequest<K>): Promise<RpcResponse<K>> {
    return turn
      .run(() => this.rpc.request(name, payload))
      .then(
        (reply) => {
          // RpcClient parsed it by the contract's response schema (the response interceptor need not again).
          recordValidated(reply, rpcs[name].response);
          return reply;
        },
        (error: unknown) => {
          // RpcClient reports a broken reply as COMMON.INTERNAL: from here that is the service's failure.
          if (error instanceof AppError && error.code === ErrorCodes.INTERNAL) {
            throw new AppError('GATEWAY.UPSTREAM_FAILED', error.message, error.fields, { cause: error });
          }
          throw error;
        },
      );
  }
}
