import { Injectable } from '@nestjs/common';
import { EventBus } from '@seatwise/platform/bus/event-bus';
import type { EventPayload } from '@seatwise/shared/contracts/events';
import { type ActionDoc, actionOn, ActionsRepository } from '../../inventory/actions.repository';
import { matchedEvent } from '../../inventory/matched-event';
import type { ServiceDoc } from '../../inventory/services.repository';
import type { UserDoc } from '../../inventory/users.repository';

const DISCOVERY_ACTOR = 'discovery';

// Publishes what a batch discovered: new services (and their automatic catalog matches, also written
// to the action log) and users seen authenticating for the first time. It runs before the batch is
// marked applied, so a crash re-runs it; msgIDs (one per service, user, action) make JetStream drop
// the repeats within its duplicate window, and action ids derived from the service make the log entry
// a no-op the second time.
@Injectable()
export class Announcer {
  constructor(
    private readonly actions: ActionsRepository,
    private readonly bus: EventBus,
  ) {}

  // `services` / `users`: what the batch created (services) or first saw in the logs (users).
  async announceBatch(at: Date, services: readonly ServiceDoc[], users: readonly UserDoc[]): Promise<void> {
    const automatic = services.filter((s) => s.catalog).map((s) => automaticMatch(s, at));
    await this.actions.record(automatic);
    await this.bus.publishAll('discovery.service.discovered', services.map(serviceDiscovered));
    await this.bus.publishAll(
      'discovery.service.matched',
      automatic.map((a) => matchedEvent(a, services.find((s) => s._id === a.serviceId)?.applicationKey ?? '')),
    );
    await this.bus.publishAll('discovery.user.discovered', users.map(userDiscovered));
  }
}

// The log entry of a match made at discovery. Its id is derived from the service: recording it again is a no-op.
function automaticMatch(s: ServiceDoc, at: Date): ActionDoc {
  return actionOn(s, {
    _id: `auto:${s._id}`,
    action: 'match',
    automatic: true,
    actor: DISCOVERY_ACTOR,
    catalog: s.catalog,
    at,
  });
}

function serviceDiscovered(s: ServiceDoc): EventPayload<'discovery.service.discovered'> {
  return {
    accountId: s.accountId,
    serviceId: s._id,
    applicationKey: s.applicationKey,
    name: s.name,
    firstSeen: s.firstSeen.toISOString(),
    catalog: s.catalog,
  };
}

function userDiscovered(u: UserDoc): EventPayload<'discovery.user.discovered'> {
  return {
    accountId: u.accountId,
    userKey: u.userKey,
    username: u.username,
    firstSeen: (u.firstSeen ?? u.lastSeen).toISOString(),
    userId: u._id,
  };
}
