import { Inject, Injectable, Optional } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { DuoClient, type DuoCredentials } from './duo-client';
import type { DuoClientSettings } from './duo-request';
import { DEFAULT_RETRY_SETTINGS, Sleeper, type DuoRetrySettings } from './duo-retry';
import { DuoTransport } from './duo-transport';

export type DuoClientSettingsInput = Partial<Omit<DuoClientSettings, 'retry'>> & { retry?: Partial<DuoRetrySettings> };

/** Optional provider overriding the defaults below (e.g. retry delays in specs, an onAttempt metrics hook). */
export const DUO_CLIENT_SETTINGS = Symbol('DUO_CLIENT_SETTINGS');

const DEFAULT_DUO_CLIENT_SETTINGS: DuoClientSettings = {
  signatureVersion: 5,
  v2Digest: 'sha512',
  timeoutMs: 30_000,
  retry: DEFAULT_RETRY_SETTINGS,
  random: Math.random,
  onAttempt: null,
  userAgent: 'seatwise-duo-connector/0.1',
};

function mergeSettings(base: DuoClientSettings, input: DuoClientSettingsInput | undefined): DuoClientSettings {
  if (!input) return base;
  return { ...base, ...input, retry: { ...base.retry, ...input.retry } };
}

/** Builds DuoClients for stored credentials; the transport, clock and sleeper are shared and swappable in specs. */
@Injectable()
export class DuoClientFactory {
  private readonly settings: DuoClientSettings;

  constructor(
    private readonly transport: DuoTransport,
    private readonly clock: Clock,
    private readonly sleeper: Sleeper,
    @Optional() @Inject(DUO_CLIENT_SETTINGS) settings?: DuoClientSettingsInput,
  ) {
    this.settings = mergeSettings(DEFAULT_DUO_CLIENT_SETTINGS, settings);
  }

  create(credentials: DuoCredentials): DuoClient {
    return new DuoClient({
      transport: this.transport,
      clock: this.clock,
      sleeper: this.sleeper,
      settings: this.settings,
      baseUrl: this.transport.baseUrl(credentials.apiHostname),
      ikey: credentials.integrationKey,
      secretKey: () => credentials.secretKey,
    });
  }
}
