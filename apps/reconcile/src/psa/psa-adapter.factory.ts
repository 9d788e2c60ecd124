import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { OutboundPolicy } from '@seatwise/platform/outbound/outbound-policy';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/reconcile-env';
import { ConnectWiseAdapter } from './connectwise/connectwise.adapter';
import { ConnectWiseTickets } from './connectwise/connectwise-tickets';
import { type CwCredentials, CwHttp } from './connectwise/cw-http';
import type { PsaAdapter } from './psa-adapter';
import type { TicketPort } from './ticket-port';
import { type AutotaskCredentials, createAutotaskAdapter } from './autotask/autotask-adapter-factory';
import { createHaloAdapter, type HaloCredentials } from './halopsa/halo-adapter-factory';

// The one place adapters are built (HTTP to the PSA is a side effect; specs point it at the simulator).
@Injectable()
export class PsaAdapterFactory {
  constructor(
    @Inject(APP_ENV) private readonly env: Env,
    private readonly clock: Clock,
    private readonly outbound: OutboundPolicy,
  ) {}

  connectWise(credentials: CwCredentials): PsaAdapter {
    return new ConnectWiseAdapter(new CwHttp(credentials, this.http()), this.env.RECONCILE_PSA_PAGE_SIZE);
  }

  // Service boards and tickets of a ConnectWise site (issue #16's ticket channel).
  connectWiseTickets(credentials: CwCredentials): TicketPort {
    return new ConnectWiseTickets(new CwHttp(credentials, this.http()));
  }

  autotask(credentials: AutotaskCredentials): PsaAdapter {
    return createAutotaskAdapter(credentials, { ...this.http(), pageSize: this.env.RECONCILE_PSA_PAGE_SIZE });
  }

  halo(credentials: HaloCredentials): PsaAdapter {
    return createHaloAdapter(credentials, { ...this.http(), pageSize: this.env.RECONCILE_PSA_PAGE_SIZE });
  }

  private http() {
    return {
      timeoutMs: this.env.RECONCILE_PSA_TIMEOUT_MS,
      maxAttempts: this.env.RECONCILE_PSA_MAX_ATTEMPTS,
      retryBaseMs: this.env.RECONCILE_PSA_RETRY_BASE_MS,
      maxRetryAfterMs: this.env.RECONCILE_PSA_MAX_RETRY_AFTER_MS,
      sleep: (ms: number) => this.clock.sleep(ms),
      outbound: this.outbound,
    };
  }
}
