import { Inject, Injectable } from '@nestjs/common';
import { EventBus } from '@seatwise/platform/bus/event-bus';
import { Clock } from '@seatwise/platform/clock/clock';
import { LOGGER } from '@seatwise/platform/tokens';
import type { IntegrationChangedEvent } from '@seatwise/shared/contracts/integration-events';
import { errorCodeOf } from '@seatwise/shared/errors/app-error';
import type { Logger } from '@seatwise/shared/logging/logger';
import { randomBytes } from 'node:crypto';

export interface ChangeAttempt {
  action: IntegrationChangedEvent['action'];
  actor: string;
  integrationId: string | null;
  fields: readonly string[];
}

// Every attempt to change an integration, applied or refused, goes out as `integration.changed` with its actor
// (reconcile keeps it in the audit log). The change's own error is rethrown unchanged.
@Injectable()
export class IntegrationChanges {
  constructor(
    private readonly bus: EventBus,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async audited<T>(attempt: ChangeAttempt, run: () => Promise<T>, idOf?: (result: T) => string): Promise<T> {
    let result: T;
    try {
      result = await run();
    } catch (error) {
      await this.publish(attempt, 'refused', errorCodeOf(error));
      throw error;
    }
    await this.publish({ ...attempt, integrationId: idOf ? idOf(result) : attempt.integrationId }, 'applied', null);
    return result;
  }

  // An audit event that cannot be published is logged, not turned into a failure of a change already made.
  private async publish(attempt: ChangeAttempt, outcome: 'applied' | 'refused', code: string | null): Promise<void> {
    const event: IntegrationChangedEvent = {
      changeId: randomBytes(12).toString('base64url'),
      integrationId: attempt.integrationId,
      action: attempt.action,
      actor: attempt.actor,
      outcome,
      code,
      fields: attempt.fields.filter((f) => f !== 'actor'),
      at: this.clock.now().toISOString(),
    };
    await this.bus.publish('integration.changed', event).catch((error: unknown) => {
      this.logger.warn(
        { err: error, integrationId: event.integrationId, action: event.action },
        'audit event not published',
      );
    });
  }
}
