// What Seatwise needs to reach one Autotask database: an API user (user name and secret) and the integration's
// tracking identifier (ApiIntegrationCode), plus where zone discovery lives (https://webservices.autotask.net in
// real life; the simulator serves it on its own host).
export interface AutotaskCredentials {
  zoneDiscoveryUrl: string;
  userName: string;
  secret: string;
  integrationCode: string;
}
