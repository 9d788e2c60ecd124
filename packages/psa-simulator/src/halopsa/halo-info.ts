import type { Credentials } from '../data/model';

// What a HaloPSA client needs to reach the simulator (CLI's first stdout line and GET /_sim/config). Halo splits
// its authorisation server (`{authUrl}/token`) from its resource server (`{resourceUrl}/Client` …).
export interface HaloInfo {
  mode: 'halopsa';
  url: string;
  authUrl: string;
  resourceUrl: string;
  tenant: string;
  clientId: string;
  clientSecret: string;
}

// The Halo credentials come from the world's: tenant = companyId, client id = clientId, client secret = privateKey,
// so one seed gives the same secrets in every dialect.
export function haloInfo(url: string, credentials: Credentials): HaloInfo {
  return {
    mode: 'halopsa',
    url,
    authUrl: `${url}/auth`,
    resourceUrl: `${url}/api`,
    tenant: credentials.companyId,
    clientId: credentials.clientId,
    clientSecret: credentials.privateKey,
  };
}
