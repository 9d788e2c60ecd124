import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@seatwise/platform/clock/periodic-task';
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
  private readonly task = new PeriodicTask(
    () => this.evaluateAll(),
    (error) => {
      this.logger.warn({ err: error }, 'timed alert evaluation failed');
    },
  );

  constructor(
    private readonly sources: SourceStore,
    private readonly evaluator: Evaluator,
    @Inject(APP_ENV) private readonly env: Env,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.env.ALERTS_CONSUME) return;
    this.task.start(this.env.ALERTS_EVALUATE_INTERVAL_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  // One pass at a time; a tick during one joins it.
  tick(): Promise<void> {
    return this.task.tick();
  }

  private async evaluateAll(): Promise<void> {
    const kinds = new Set<SourceKind>(TIMED_KINDS.flatMap((kind) => SOURCES_OF[kind]));
    for (const kind of kinds) {
      await this.evaluator.evaluate(await this.sources.allOf(kind), TIMED_KINDS);
    }
  }
}
