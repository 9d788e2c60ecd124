import { Clock } from '@seatwise/platform/clock/clock';
import { SystemHostResolver } from '@seatwise/platform/outbound/host-resolver';
import { OutboundPolicy, type OutboundConfig } from '@seatwise/platform/outbound/outbound-policy';
import type { DuoAttemptReport } from '../duo-request';
import { Sleeper } from '../duo-retry';
import { DuoTransport, type TransportRequest, type TransportResponse } from '../duo-transport';

/** A clock that only moves when told; sleeping through RecordingSleeper advances it. */
export class FakeClock extends Clock {
  constructor(public ms = Date.UTC(2025, 6, 1, 12, 0, 0)) {
    super();
  }
  override now(): Date {
    return new Date(this.ms);
  }
  override nowMs(): number {
    return this.ms;
  }
}

/** Records requested delays and resolves at once (no real sleeping). */
export class RecordingSleeper extends Sleeper {
  readonly delays: number[] = [];
  constructor(private readonly clock?: FakeClock) {
    super();
  }
  override sleep(ms: number): Promise<void> {
    this.delays.push(ms);
    if (this.clock) this.clock.ms += ms;
    return Promise.resolve();
  }
}

type Step = TransportResponse | Error | ((request: TransportRequest) => TransportResponse | Error);

/** Answers from a script, one step per request; records every request. */
export class ScriptedTransport extends DuoTransport {
  readonly requests: TransportRequest[] = [];
  constructor(
    private readonly steps: Step[],
    private readonly fallback?: Step,
    // Base URLs are still checked by the real policy; `send` never reaches it (nor DNS, nor a socket).
    outbound: OutboundConfig = { allowedEndpoints: [], psaHosts: [] },
  ) {
    super(new OutboundPolicy(outbound, new SystemHostResolver()));
  }
  override send(request: TransportRequest): Promise<TransportResponse> {
    this.requests.push(request);
    const step = this.steps.shift() ?? this.fallback;
    if (step === undefined) return Promise.reject(new Error('script exhausted'));
    const outcome = typeof step === 'function' ? step(request) : step;
    return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome);
  }
}

export function ok(response: unknown, metadata?: unknown): TransportResponse {
  return {
    status: 200,
    contentType: 'application/json',
    text: JSON.stringify(metadata === undefined ? { stat: 'OK', response } : { stat: 'OK', response, metadata }),
  };
}

export function fail(status: number, code: number, message: string): TransportResponse {
  return { status, contentType: 'application/json', text: JSON.stringify({ stat: 'FAIL', code, message }) };
}

export function recorder(): { reports: DuoAttemptReport[]; onAttempt: (r: DuoAttemptReport) => void } {
  const reports: DuoAttemptReport[] = [];
  return { reports, onAttempt: (r) => reports.push(r) };
}
