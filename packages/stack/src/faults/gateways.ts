import { GatewayError } from '../demo/gateway-client';
import { SeatwiseApi } from '../demo/seatwise-api';

// The API through every gateway replica: a call goes to the next gateway in turn, and to the other one when a
// gateway is down (killed and starting again) or answers 5xx (an upstream replica killed mid-call). When every
// gateway failed so (a 503 while the database is stopped), the call waits a second and goes round again, as a
// client honouring Retry-After would, until `patienceMs`; then the last failure is thrown. A 4xx is Seatwise's
// answer and is thrown as it is.
export class Gateways {
  private readonly apis: SeatwiseApi[];
  private next = 0;

  constructor(
    urls: readonly string[],
    apiKey: string,
    private readonly patienceMs = 120_000,
  ) {
    this.apis = urls.map((url) => new SeatwiseApi(url, apiKey));
  }

  async call<T>(body: (api: SeatwiseApi) => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.patienceMs;
    for (;;) {
      const last = await this.round(body);
      if (last.ok) return last.value;
      if (Date.now() >= deadline) throw last.error instanceof Error ? last.error : new Error(String(last.error));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }

  private async round<T>(
    body: (api: SeatwiseApi) => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
    let error: unknown = null;
    for (let tried = 0; tried < this.apis.length; tried += 1) {
      const api = this.apis[(this.next + tried) % this.apis.length];
      if (!api) continue;
      try {
        return { ok: true, value: await body(api) };
      } catch (failure) {
        if (failure instanceof GatewayError && failure.status < 500) throw failure;
        error = failure;
      }
    }
    this.next = (this.next + 1) % this.apis.length;
    return { ok: false, error };
  }
}
