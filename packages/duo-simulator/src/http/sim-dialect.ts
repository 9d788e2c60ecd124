import type { ServerResponse } from 'node:http';
import type { SimDialect } from '@seatwise/sim-http/sim-routes';
import { faultsSchema, rateLimitsSchema } from '../options';
import { sendJson } from './respond';

// /_sim answers in Duo's envelope (stat OK / FAIL), like the rest of the simulator.
export const DUO_SIM_DIALECT: SimDialect = {
  faultsSchema,
  rateLimitsSchema,
  send: (res: ServerResponse, status: number, body: unknown) => {
    sendJson(res, status, body);
  },
  ok: { stat: 'OK' },
  failure: (_status, message) => ({ stat: 'FAIL', message }),
};
