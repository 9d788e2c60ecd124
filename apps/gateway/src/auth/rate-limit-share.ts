import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { BroadcastChannel } from '@seatwise/platform/bus/broadcast-channel';
import { BusConnection } from '@seatwise/platform/bus/bus-connection';
import { Clock } from '@seatwise/platform/clock/clock';
import type { ServiceInfo } from '@seatwise/platform/service-info';
import { APP_ENV, LOGGER, SERVICE_INFO } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/gateway-env';
import { RATE_LIMIT_NAMES, type RateLimitName, type RateLimitSpend } from '@seatwise/shared/contracts/broadcasts';
import type { Logger } from '@seatwise/shared/logging/logger';
import { TokenBuckets } from './token-bucket';

// How often a replica tells the others what it spent: the slack a client alternating between replicas gets.
export const SHARE_INTERVAL_MS = 100;
// A batch with this many keys goes out at once (a flood of addresses), well under the contract's bound.
export const SHARE_MAX_KEYS = 1_000;

// The gateway's rate limits, shared among its replicas without a round trip per request: each replica limits
// from its own buckets, batches what it spent, and publishes the batch every SHARE_INTERVAL_MS on a core-NATS
// subject (contracts/broadcasts.ts) that every replica subscribes to; each deducts the others' spending from
// its buckets. A client spreading requests over N replicas is so held to one limit, give or take one
// interval's spending. Without NATS each replica limits alone; no request ever fails because of the bus.
@Injectable()
export class RateLimitShare implements OnModuleInit, OnApplicationShutdown {
  private readonly limits = new Map<RateLimitName, TokenBuckets>();
  private pending = new Map<RateLimitName, Map<string, number>>();
  private pendingKeys = 0;
  private running = false;
  private readonly channel: BroadcastChannel<'gateway.rate-limits'>;

  constructor(
    bus: BusConnection,
    private readonly clock: Clock,
    @Inject(APP_ENV) env: Env,
    @Inject(SERVICE_INFO) private readonly info: ServiceInfo,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.channel = new BroadcastChannel(bus, 'gateway.rate-limits', {
      prefix: env.SEATWISE_BUS_PREFIX,
      instanceId: info.instanceId,
      fallback: 'limiting per replica',
      logger,
    });
  }

  // The buckets of one limit (each limit is registered once, by the guard that applies it).
  register(limit: RateLimitName, perMinute: number, burst: number): SharedBuckets {
    if (this.limits.has(limit)) throw new Error(`rate limit ${limit} is registered twice`);
    const buckets = new TokenBuckets(perMinute, burst);
    this.limits.set(limit, buckets);
    return new SharedBuckets(buckets, (key) => {
      this.spent(limit, key);
    });
  }

  onModuleInit(): void {
    this.listen();
    this.running = true;
    void this.shareEvery();
  }

  // Subscribes to the other replicas' spending.
  listen(): void {
    this.channel.listen((message) => {
      this.receive(message);
    });
  }

  onApplicationShutdown(): void {
    this.running = false;
    this.channel.close();
  }

  // Sends what was spent since the last batch. Dropped while NATS is unreachable: spending that old would
  // only punish clients late, and the reconnect buffer is not the place for it.
  flush(): void {
    if (this.pendingKeys === 0) return;
    const spent: RateLimitSpend['spent'] = {};
    for (const [limit, keys] of this.pending) spent[limit] = Object.fromEntries(keys);
    this.pending = new Map();
    this.pendingKeys = 0;
    this.channel.send({ instanceId: this.info.instanceId, spent });
  }

  // Another replica's batch (the channel drops this one's own, which NATS echoes back and which is counted).
  private receive(message: RateLimitSpend): void {
    const nowMs = this.clock.nowMs();
    for (const limit of RATE_LIMIT_NAMES) {
      const buckets = this.limits.get(limit);
      for (const [key, tokens] of Object.entries(message.spent[limit] ?? {})) buckets?.deduct(key, tokens, nowMs);
    }
  }

  private spent(limit: RateLimitName, key: string): void {
    let keys = this.pending.get(limit);
    if (!keys) this.pending.set(limit, (keys = new Map<string, number>()));
    const before = keys.get(key);
    keys.set(key, (before ?? 0) + 1);
    if (before === undefined && ++this.pendingKeys >= SHARE_MAX_KEYS) this.flush();
  }

  private async shareEvery(): Promise<void> {
    while (this.running) {
      await this.clock.sleep(SHARE_INTERVAL_MS);
      this.flush();
    }
  }
}

// One limit's buckets as the guards use them: what they take is also reported for sharing.
export class SharedBuckets {
  constructor(
    private readonly buckets: TokenBuckets,
    private readonly onSpent: (key: string) => void,
  ) {}

  // As TokenBuckets.take: 0 when allowed, else the seconds until a token is available.
  take(key: string, nowMs: number): number {
    const wait = this.buckets.take(key, nowMs);
    if (wait === 0) this.onSpent(key);
    return wait;
  }

  wait(key: string, nowMs: number): number {
    return this.buckets.wait(key, nowMs);
  }
}
