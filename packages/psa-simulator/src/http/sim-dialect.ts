import type { ServerResponse } from 'node:http';
import type { SimDialect } from '@seatwise/sim-http/sim-routes';
import { faultsSchema, rateLimitsSchema } from '../options';
import { sendJson } from './respond';

// /_sim answers in CW's error shape ({code, message}) and, unlike CW answers, keep their nulls (the truth's
// unpaired companies have pairedDuoAccountId null).
export const PSA_SIM_DIALECT: SimDialect = {
  faultsSchema,
  rateLimitsSchema,
  send: (res: ServerResponse, status: number, body: unknown) => {
    sendJson(res, status, body, { keepNulls: true });
  },
  ok: { ok: true },
  failure: (status, message) => ({ code: status === 400 ? 'BadRequest' : 'NotFound', message }),
};
