import type { Credentials } from './data/model';
import { API_BASE, CODEBASE } from './http/routes';

// The CLI's first stdout line and GET /_sim/config: everything a ConnectWise client needs to reach the simulator.
export interface SimInfo extends Credentials {
  url: string;
  // Site URL + REST base, i.e. where `/company/companies` etc. live.
  apiUrl: string;
  codebase: string;
}

export function buildInfo(url: string, credentials: Credentials): SimInfo {
  return { url, apiUrl: `${url}${API_BASE}`, codebase: CODEBASE, ...credentials };
}
