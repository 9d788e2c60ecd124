import type { PsaAdapter } from '../psa-adapter';
import { AtBudget } from './at-budget';
import { AtHttp, type AtHttpOptions } from './at-http';
import { AtReader } from './at-reader';
import { AtQuantityWriter } from './at-set-quantity';
import { AutotaskAdapter } from './autotask.adapter';
import type { AutotaskCredentials } from './autotask-credentials';

export type { AutotaskCredentials } from './autotask-credentials';

export interface AutotaskAdapterOptions extends AtHttpOptions {
  // Records per query page (Autotask's MaxRecords, at most 500).
  pageSize: number;
}

const MAX_RECORDS = 500;

// The one way to build an Autotask adapter: its zone is discovered once, and its calls share one budget and one
// set of threads per endpoint (so build one adapter per connection and keep it).
export function createAutotaskAdapter(credentials: AutotaskCredentials, options: AutotaskAdapterOptions): PsaAdapter {
  const budget = new AtBudget();
  const http = new AtHttp(credentials, options, budget);
  const reader = new AtReader(http, Math.min(MAX_RECORDS, Math.max(1, Math.floor(options.pageSize))));
  return new AutotaskAdapter(reader, new AtQuantityWriter(http, reader), budget);
}
