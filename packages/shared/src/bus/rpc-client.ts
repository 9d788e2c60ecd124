import { errors, type NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { rpcs, type RpcName, type RpcRequest, type RpcResponse } from '../contracts/rpcs';
import { AppError, ErrorCodes } from '../errors/app-error';
import { parseOrThrow } from '../validation/parse';
import { rpcSubject } from './subjects';

// Nest's NATS transport packet shapes: request {pattern,data,id}; reply {id,response|err,isDisposed}.
interface ReplyPacket {
  id?: string;
  response?: unknown;
  err?: unknown;
}

// What a caller does to a validated request before it crosses the wire (the gateway seals its secrets).
export type OutgoingRequest = (name: RpcName, data: unknown) => unknown;

// Request-reply with a deadline, validated on both sides of the wire.
export class RpcClient {
  constructor(
    private readonly nc: NatsConnection,
    private readonly prefix: string,
    private readonly defaultTimeoutMs = 5_000,
    private readonly outgoing: OutgoingRequest = (_name, data) => data,
  ) {}

  async request<K extends RpcName>(
    name: K,
    payload: RpcRequest<K>,
    timeoutMs = this.defaultTimeoutMs,
  ): Promise<RpcResponse<K>> {
    const def = rpcs[name];
    const data = this.outgoing(name, parseOrThrow(def.request, payload, `${name} request`));
    const packet = { pattern: name, data, id: randomUUID() };
    const reply = await this.send(name, JSON.stringify(packet), timeoutMs);
    if (reply.err !== undefined && reply.err !== null) throw remoteError(name, reply.err);
    // rpcs[K] is a union over K; for one K its response schema outputs exactly RpcResponse<K>.
    const schema = def.response as unknown as z.ZodType<RpcResponse<K>>;
    return parseOrThrow(schema, reply.response, `${name} reply`, ErrorCodes.INTERNAL);
  }

  private async send(name: RpcName, body: string, timeoutMs: number): Promise<ReplyPacket> {
    try {
      const msg = await this.nc.request(rpcSubject(this.prefix, name), body, { timeout: timeoutMs });
      return msg.json<ReplyPacket>();
    } catch (error) {
      throw transportError(name, timeoutMs, error);
    }
  }
}

function transportError(name: string, timeoutMs: number, error: unknown): AppError {
  if (error instanceof errors.RequestError && error.isNoResponders()) {
    return new AppError(ErrorCodes.UPSTREAM_UNAVAILABLE, `No service answers ${name}`, undefined, { cause: error });
  }
  if (error instanceof errors.TimeoutError) {
    return new AppError(ErrorCodes.TIMEOUT, `No reply to ${name} within ${timeoutMs} ms`, undefined, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AppError(ErrorCodes.UPSTREAM_UNAVAILABLE, `Request ${name} failed: ${message}`, undefined, {
    cause: error,
  });
}

// A service's AppError crosses the wire as its JSON ({code,message,fields}); anything else is internal.
function remoteError(name: string, err: unknown): AppError {
  if (AppError.isAppErrorJson(err)) return new AppError(err.code, err.message, err.fields);
  return new AppError(ErrorCodes.INTERNAL, `${name} failed in the service`);
}
