import { z } from 'zod';
import { EVENT_NAMES, events } from './events';
import { rpcs, type RpcName } from './rpcs';

// JSON Schema (draft 2020-12) of each event payload, for systems that consume our events without zod.
export function eventJsonSchemas(): Record<string, unknown> {
  return Object.fromEntries(EVENT_NAMES.map((name) => [name, z.toJSONSchema(events[name].schema, { io: 'output' })]));
}

export function rpcJsonSchemas(): Record<string, { request: unknown; response: unknown }> {
  return Object.fromEntries(
    (Object.keys(rpcs) as RpcName[]).map((name) => [
      name,
      {
        request: z.toJSONSchema(rpcs[name].request, { io: 'input' }),
        response: z.toJSONSchema(rpcs[name].response, { io: 'output' }),
      },
    ]),
  );
}
