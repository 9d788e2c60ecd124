import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { APP_ENV, LOGGER } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/alerts-env';
import { DELIVERY_CODES } from '@seatwise/shared/contracts/alerts-channels';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { ErrorCode } from '@seatwise/shared/errors/error-catalog';
import type { Logger } from '@seatwise/shared/logging/logger';
import type { DeliveryOutcome } from '../channels/channel-sender';
import { ChannelDirectory, type DeliverableChannel } from '../channels/channel-directory';
import { ChannelHealthRepository } from './channel-health.repository';
import { DeliveryRepository, type DeliveryDoc } from './delivery.repository';
import { Digests } from './digests';
import { DispatchSignal } from './dispatch-signal';
import { NotificationBuilder } from './notification-builder';
import { SenderSet } from './sender-set';

const PAGE = 50;
const DISABLED: ErrorCode = 'ALERTS.CHANNEL_DISABLED';
type Failure = Extract<DeliveryOutcome, { ok: false }>;

// Sends what the outbox holds: each due notification through its channel's sender, one attempt at a time.
// A failure that may pass is retried with doubling waits up to ALERTS_DELIVERY_MAX_ATTEMPTS; then, or at once
// when retrying cannot help, the notification fails. A channel that fails ALERTS_CHANNEL_DISABLE_AFTER
// notifications in a row is disabled (the reason is kept on it and logged as an error) and what it still had
// pending fails with it. Every attempt is recorded on the notification: that is the delivery log.
@Injectable()
export class Dispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly digests: Digests,
    private readonly builder: NotificationBuilder,
    private readonly channels: ChannelDirectory,
    private readonly health: ChannelHealthRepository,
    private readonly senders: SenderSet,
    private readonly signal: DispatchSignal,
    private readonly clock: Clock,
    @Inject(APP_ENV) private readonly env: Env,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.env.ALERTS_CONSUME) return;
    this.signal.listen(() => void this.pass());
    this.timer = setInterval(() => void this.pass(), this.env.ALERTS_DISPATCH_INTERVAL_MS);
    void this.pass();
  }

  // A graceful stop lets the attempt in flight finish and be recorded, so a restart repeats nothing.
  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  // One pass at a time; a request during a pass runs another right after it.
  pass(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.passes().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async passes(): Promise<void> {
    let more = true;
    while (more) {
      this.again = false;
      try {
        await this.sendDue();
      } catch (error) {
        this.logger.warn({ err: error }, 'alert dispatch pass failed');
      }
      more = this.wantsAnother();
    }
  }

  // Asked for while the pass ran (a signal or a tick), and not stopping.
  private wantsAnother(): boolean {
    return this.again && !this.stopped;
  }

  private async sendDue(): Promise<void> {
    await this.digests.makeDue(this.clock.now());
    for (;;) {
      const due = await this.deliveries.due(this.clock.now(), PAGE);
      for (const delivery of due) {
        if (this.stopped) return;
        await this.attempt(delivery);
      }
      if (due.length < PAGE) return;
    }
  }

  private async attempt(delivery: DeliveryDoc): Promise<void> {
    let channel: DeliverableChannel | null;
    try {
      channel = await this.channels.forDelivery(delivery.channelId);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // A channel whose secret cannot be read (SECRETS.KEY_MISSING until its key is configured again) fails its own
      // deliveries, as a failed send would: the rest of the queue goes on.
      return this.settle(delivery, { ok: false, retryable: true, code: error.code, detail: error.message });
    }
    if (!channel) return this.fail(delivery, permanent('ALERTS.CHANNEL_NOT_FOUND', 'The channel was deleted'), false);
    if (!channel.enabled) {
      return this.fail(delivery, permanent(DISABLED, 'The channel is disabled'), false);
    }
    const sender = this.senders.of(channel.kind);
    if (!sender) {
      return this.fail(delivery, permanent(DELIVERY_CODES.CHANNEL_UNUSABLE, `No sender for ${channel.kind}`), false);
    }
    const notification = await this.builder.build(delivery);
    const outcome = await sender.send(channel.config, notification).catch((error: unknown): DeliveryOutcome => ({
      ok: false,
      retryable: true,
      code: DELIVERY_CODES.CHANNEL_UNUSABLE,
      detail: error instanceof Error ? error.message : String(error),
    }));
    if (outcome.ok) return this.delivered(delivery);
    return this.settle(delivery, outcome);
  }

  // A failed attempt: retried while it may be, then failed (counting towards disabling the channel).
  private settle(delivery: DeliveryDoc, outcome: Failure): Promise<void> {
    const attempts = delivery.attempts + 1;
    if (outcome.retryable && attempts < this.env.ALERTS_DELIVERY_MAX_ATTEMPTS) return this.retry(delivery, outcome);
    return this.fail(delivery, outcome, true);
  }

  private async delivered(delivery: DeliveryDoc): Promise<void> {
    const now = this.clock.now();
    await this.deliveries.record(delivery._id, {
      state: 'delivered',
      attempts: delivery.attempts + 1,
      deliveredAt: now,
      nextAttemptAt: null,
    });
    await this.health.delivered(delivery.channelId, now);
  }

  private async retry(delivery: DeliveryDoc, outcome: Failure): Promise<void> {
    const now = this.clock.now();
    const attempts = delivery.attempts + 1;
    const wait = this.env.ALERTS_DELIVERY_RETRY_BASE_MS * 2 ** (attempts - 1);
    await this.deliveries.record(delivery._id, {
      attempts,
      lastError: { code: outcome.code, detail: outcome.detail, at: now },
      nextAttemptAt: new Date(now.getTime() + wait),
    });
  }

  // `attempted`: the sender was called (a failure of the channel itself counts towards disabling it).
  private async fail(delivery: DeliveryDoc, outcome: Failure, attempted: boolean): Promise<void> {
    const now = this.clock.now();
    await this.deliveries.record(delivery._id, {
      state: 'failed',
      attempts: delivery.attempts + (attempted ? 1 : 0),
      lastError: { code: outcome.code, detail: outcome.detail, at: now },
      nextAttemptAt: null,
    });
    if (!attempted) return;
    const failures = await this.health.failed(delivery.channelId, now);
    if (failures >= this.env.ALERTS_CHANNEL_DISABLE_AFTER) await this.disable(delivery.channelId, failures, outcome);
  }

  private async disable(channelId: string, failures: number, last: Failure): Promise<void> {
    const now = this.clock.now();
    const detail = `${failures} notifications in a row failed; the last: ${last.code} ${last.detail}`;
    await this.channels.disable(channelId, { code: DISABLED, detail });
    await this.deliveries.failPendingOf(channelId, { code: DISABLED, detail, at: now });
    this.logger.error(
      { channel: channelId, failures, code: last.code },
      'alert channel disabled after repeated failures',
    );
  }
}

function permanent(code: ErrorCode | typeof DELIVERY_CODES.CHANNEL_UNUSABLE, detail: string): Failure {
  return { ok: false, retryable: false, code, detail };
}
