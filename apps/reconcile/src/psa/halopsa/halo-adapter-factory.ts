import type { PsaAdapter } from '../psa-adapter';
import { type HaloEndpoints, HaloHttp, type HaloHttpOptions } from './halo-http';
import { HaloAdapter } from './halopsa.adapter';

// A HaloPSA connection's credentials are exactly the endpoints and client of its API application.
export type HaloCredentials = HaloEndpoints;

export interface HaloAdapterOptions extends HaloHttpOptions {
  pageSize: number;
}

export function createHaloAdapter(credentials: HaloCredentials, options: HaloAdapterOptions): PsaAdapter {
  const { pageSize, ...http } = options;
  return new HaloAdapter(new HaloHttp(credentials, http), pageSize);
}
