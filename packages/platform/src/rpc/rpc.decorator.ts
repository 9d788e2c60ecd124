import { MessagePattern } from '@nestjs/microservices';
import { rpcs, type RpcInput, type RpcName, type RpcResponse } from '@seatwise/shared/contracts/rpcs';
import { parseOrThrow } from '@seatwise/shared/validation/parse';
import { openSealedFields } from '../crypto/sealed-box';
import type { z } from 'zod';

export type RpcHandler<K extends RpcName> = (request: RpcInput<K>) => Promise<RpcResponse<K>>;

// Binds a message handler to its contract: registers the pattern `name` (a key of the RPC map, so a
// name outside it does not compile), parses the payload with the contract's request schema before the
// handler runs (a bad payload answers COMMON.VALIDATION_FAILED) after opening the fields the contract says the
// gateway sealed to this service, and types the handler's argument and result from the same contract.
export function Rpc<K extends RpcName>(name: K) {
  return (target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<RpcHandler<K>>): void => {
    const handler = descriptor.value;
    if (!handler) throw new Error(`@Rpc('${name}') must decorate a method`);
    // rpcs[K] is a union over K; for one K its request schema outputs exactly RpcInput<K>.
    const schema = rpcs[name].request as unknown as z.ZodType<RpcInput<K>>;
    const definition: { sealed?: readonly string[] } = rpcs[name];
    // async: a payload that breaks the contract rejects like any other handler failure.
    const bound = async function (this: unknown, payload: unknown): Promise<RpcResponse<K>> {
      const request = parseOrThrow(schema, openSealedFields(name, definition.sealed, payload), `${name} request`);
      return await handler.call(this, request);
    };
    Object.defineProperty(bound, 'name', { value: handler.name });
    descriptor.value = bound;
    MessagePattern(name)(target, key, descriptor);
  };
}
