import type { Credentials } from '../data/model';

// Everything an Autotask client needs to reach the simulator (CLI's first stdout line and GET /_sim/config).
export interface AutotaskInfo {
  mode: 'autotask';
  url: string;
  // Where zone discovery lives (real life: https://webservices.autotask.net); the simulator serves it itself.
  zoneDiscoveryUrl: string;
  userName: string;
  secret: string;
  integrationCode: string;
}

export interface AutotaskCredentials {
  userName: string;
  secret: string;
  integrationCode: string;
}

// Derived from the world's ConnectWise-style credentials so one seed gives one set of keys for every mode: the API
// user is an e-mail address (Autotask API users are), the integration code plays CW's clientId.
export function autotaskCredentials(credentials: Credentials): AutotaskCredentials {
  return {
    userName: `${credentials.publicKey}@seatwise-sim.example`,
    secret: credentials.privateKey,
    integrationCode: credentials.clientId,
  };
}

export function autotaskInfo(url: string, credentials: Credentials): AutotaskInfo {
  return { mode: 'autotask', url, zoneDiscoveryUrl: url, ...autotaskCredentials(credentials) };
}

// The Autotask fields of a simulator's info (sim.info or GET /_sim/config); throws for another dialect.
export function autotaskInfoOf(info: { mode: string }): AutotaskInfo {
  if (info.mode !== 'autotask') throw new Error(`the simulator speaks ${info.mode}, not autotask`);
  return info as AutotaskInfo;
}
