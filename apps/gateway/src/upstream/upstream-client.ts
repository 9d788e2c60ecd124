import { BusConnection } from '@seatwise/platform/bus/bus-connection';
import { RpcClient } from '@seatwise/shared/bus/rpc-client';
import type { RpcName, RpcRequest, RpcResponse } from '@seatwise/shared/contracts/rpcs';
import { AppError, ErrorCodes } from '@seatwise/shared/errors/app-error';

// The service answered, but not with its contract (or failed without an AppError): a bad gateway.
export const UPSTREAM_FAILED = 'GATEWAY.UPSTREAM_FAILED';

// Request-reply to one service: typed by the shared rpcs map (both sides validated by RpcClient),
// with that service's deadline. No responder → COMMON.UPSTREAM_UNAVAILABLE (503), no reply in time →
// COMMON.TIMEOUT (504), a reply that breaks the contract → GATEWAY.UPSTREAM_FAILED (502), the
// service's AppError → its code (mapped to a status by the problem filter).
export abstract class UpstreamClient<Prefix extends string> {
  private readonly rpc: RpcClient;

  protected constructor(bus: BusConnection, busPrefix: string, timeoutMs: number) {
    this.rpc = new RpcClient(bus.nc, busPrefix, timeoutMs);
  }

  call<K extends Extract<RpcName, `${Prefix}.${string}`>>(name: K, payload: RpcRequest<K>, timeoutMs?: number): Promise<RpcResponse<K>> {
    return this.rpc.request(name, payload, timeoutMs).catch((error: unknown) => {
      if (error instanceof AppError && error.code === ErrorCodes.INTERNAL) {
        throw new AppError(UPSTREAM_FAILED, error.message, error.fields, { cause: error });
      }
      throw error;
    });
  }
}
