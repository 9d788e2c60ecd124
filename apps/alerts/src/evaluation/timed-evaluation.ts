import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_ENV, LOGGER } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/alerts-env';
import type { Logger } from '@seatwise/shared/logging/logger';
import { SourceStore } from '../sources/source-store';
import type { SourceKind } from '../sources/source-state';
import { Evaluator } from './evaluator';
import { SOURCES_OF, TIMED_KINDS } from './verdict';

// Conditions that change with time alone (an error that lasts, logs that stop, a fraud report that ages) are
// re-evaluated on a timer against the clock; the others change only when an event does.
@Injectable()
export class TimedEvaluation implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly sources: SourceStore,
    private readonly evaluator: Evaluator,
    @Inject(APP_ENV) private readonly env: Env,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.env.ALERTS_CONSUME) return;
    this.timer = setInterval(() => void this.tick(), this.env.ALERTS_EVALUATE_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  // One pass at a time; a tick that finds one running is skipped.
  tick(): Promise<void> {
    this.running ??= this.evaluateAll()
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'timed alert evaluation failed');
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async evaluateAll(): Promise<void> {
    const kinds = new Set<SourceKind>(TIMED_KINDS.flatMap((kind) => SOURCES_OF[kind]));
    for (const kind of kinds) {
      await this.evaluator.evaluate(await this.sources.allOf(kind), TIMED_KINDS);
    }
  }
}
