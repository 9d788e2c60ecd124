import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';

// Prometheus metrics of the connector. One registry per app instance (not prom-client's global one),
// so several instances in one process (tests) never collide.
@Injectable()
export class ConnectorMetrics {
  readonly registry = new Registry();
  readonly recordsFetched = this.recordCounter('seatwise_connector_records_fetched_total', 'Records fetched from Duo');
  readonly recordsPublished = this.recordCounter(
    'seatwise_connector_records_published_total',
    'Records acknowledged by JetStream',
  );
  readonly recordsRejected = this.recordCounter(
    'seatwise_connector_records_rejected_total',
    'Duo records that broke the contract (dead-lettered)',
  );
  readonly apiCalls = new Counter({
    name: 'seatwise_connector_duo_api_calls_total',
    help: 'Duo API calls by HTTP status (0: no response)',
    labelNames: ['status'],
    registers: [this.registry],
  });
  readonly rateLimited = new Counter({
    name: 'seatwise_connector_duo_rate_limited_total',
    help: 'Duo 429 answers',
    registers: [this.registry],
  });
  readonly lagSeconds = new Gauge({
    name: 'seatwise_connector_log_lag_seconds',
    help: 'How far behind now the auth-log checkpoint is',
    labelNames: ['account'],
    registers: [this.registry],
  });
  // When each account's auth-log checkpoint last advanced or was confirmed current; the age is derived
  // at scrape time, so an account whose polling stalls shows a growing age.
  private readonly checkpointAt = new Map<string, number>();
  readonly checkpointAgeSeconds = new Gauge({
    name: 'seatwise_connector_checkpoint_age_seconds',
    help: 'Seconds since the auth-log checkpoint last advanced or was confirmed current',
    labelNames: ['account'],
    registers: [this.registry],
    collect: () => {
      const now = Date.now();
      for (const [account, at] of this.checkpointAt) this.checkpointAgeSeconds.set({ account }, (now - at) / 1000);
    },
  });

  // Stored Duo secrets per encryption key id after the last rotation (the key id is a label, never a key).
  readonly secrets = new Gauge({
    name: 'seatwise_connector_secrets',
    help: 'Stored integration secrets per encryption key id ("<id> (unbound)": written before binding)',
    labelNames: ['key_id'],
    registers: [this.registry],
  });
  readonly secretsUnreadable = new Gauge({
    name: 'seatwise_connector_secrets_unreadable',
    help: 'Stored integration secrets that cannot be decrypted (key missing or data altered)',
    registers: [this.registry],
  });

  secretsHeld(held: Record<string, number>, unreadable: number): void {
    this.secrets.reset();
    for (const [keyId, count] of Object.entries(held)) this.secrets.set({ key_id: keyId }, count);
    this.secretsUnreadable.set(unreadable);
  }

  // Records fetched, published or rejected, per account and record type (authlog, user).
  private recordCounter(name: string, help: string): Counter<'account' | 'type'> {
    return new Counter({ name, help, labelNames: ['account', 'type'], registers: [this.registry] });
  }

  // An Admin API integration's account is tracked under its integration key (the key identifies that one account).
  // A key is credential material and must not reach a scrape, so such an account is labelled by its integration.
  private readonly aliases = new Map<string, string>();

  labelAccountByIntegration(accountId: string, integrationId: string): void {
    this.aliases.set(accountId, `integration:${integrationId}`);
  }

  // The `account` label of an account id.
  account(accountId: string): string {
    return this.aliases.get(accountId) ?? accountId;
  }

  checkpointConfirmed(accountId: string, atMs: number): void {
    this.checkpointAt.set(this.account(accountId), atMs);
  }

  recordApiCall(status: number | null): void {
    this.apiCalls.inc({ status: String(status ?? 0) });
    if (status === 429) this.rateLimited.inc();
  }
}
