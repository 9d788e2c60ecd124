import type { World } from './data/model';

export interface Keys {
  ikey: string;
  skey: string;
}

/** The CLI's first stdout line and GET /_sim/config: everything a client needs to reach the simulator. */
export interface SimInfo {
  url: string;
  /** PEM of the self-signed certificate when https is on, for clients to trust. */
  caCert?: string;
  accountsApi: Keys;
  accounts: { account_id: string; name: string; edition: string; api_hostname: string; adminApi: Keys }[];
  extraIntegrations: (Keys & { type: string; account_id: string; permissions: string[] })[];
}

export function buildInfo(world: World, url: string, apiHostname: string, caCert: string | undefined): SimInfo {
  const keys = (x: Keys): Keys => ({ ikey: x.ikey, skey: x.skey });
  return {
    url,
    ...(caCert === undefined ? {} : { caCert }),
    accountsApi: keys(world.parent),
    accounts: world.accounts.map((a) => ({
      account_id: a.id,
      name: a.name,
      edition: a.edition,
      api_hostname: apiHostname,
      adminApi: keys(a.admin),
    })),
    extraIntegrations: world.extras.map((x) => ({
      ...keys(x),
      type: x.type,
      account_id: world.accounts[x.accountIndex ?? 0]?.id ?? '',
      permissions: [...x.permissions],
    })),
  };
}
