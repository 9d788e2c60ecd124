import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { OutboundError } from '@seatwise/platform/outbound/outbound-error';
import type { DUO_PERMISSIONS, IntegrationInput, ValidationReport } from '@seatwise/shared/contracts/connector-views';
import type { DuoClient } from '../duo/duo-client';
import { DuoClientFactory } from '../duo/duo-client.factory';
import { DuoApiError, describeDuoFailure } from '../duo/duo-errors';

type Permission = (typeof DUO_PERMISSIONS)[number];

// One cheap call per Admin API permission Seatwise needs. For an Accounts API (MSP) integration the
// checks run on its first child account, through the parent's credentials, as polling will.
@Injectable()
export class IntegrationProbe {
  constructor(
    private readonly clients: DuoClientFactory,
    private readonly clock: Clock,
  ) {}

  // An unusable API hostname is the caller's error (it throws); whatever Duo answers is reported.
  probe(input: IntegrationInput): Promise<ValidationReport> {
    return this.probeWith(this.clients.create(input), input.kind);
  }

  private async probeWith(client: DuoClient, kind: IntegrationInput['kind']): Promise<ValidationReport> {
    try {
      if (kind === 'admin') return await this.permissions(client, undefined, 1);
      const children = await client.childAccounts();
      const first = children[0];
      if (!first) return { ok: true, granted: [], missing: [], error: null, accountsFound: 0 };
      return await this.permissions(client.forChild(first), first.accountId, children.length);
    } catch (error) {
      // A destination the outbound policy refuses (e.g. a name resolving to a private address) is the caller's
      // error, answered as such (4xx naming the rule), not a report about Duo.
      if (error instanceof OutboundError && error.code === 'OUTBOUND.REFUSED') throw error;
      return { ok: false, granted: [], missing: [], error: describeDuoFailure(error), accountsFound: 0 };
    }
  }

  private async permissions(
    client: DuoClient,
    accountId: string | undefined,
    accountsFound: number,
  ): Promise<ValidationReport> {
    const now = this.clock.nowMs();
    const checks: [Permission, () => Promise<unknown>][] = [
      ['readInformation', () => client.infoSummary({ accountId })],
      ['readLog', () => client.authLogs({ accountId, mintime: now - 3_600_000, maxtime: now - 180_000, limit: 10 })],
      ['readResource', () => client.users({ accountId, offset: 0, limit: 1 })],
    ];
    const granted: Permission[] = [];
    const missing: Permission[] = [];
    for (const [permission, call] of checks) {
      try {
        await call();
        granted.push(permission);
      } catch (error) {
        // Only "forbidden" means the permission is missing; bad keys or an unreachable host end the probe.
        if (!(error instanceof DuoApiError) || error.code !== 'CONNECTOR.DUO_FORBIDDEN') throw error;
        missing.push(permission);
      }
    }
    return { ok: missing.length === 0, granted, missing, error: null, accountsFound };
  }
}
