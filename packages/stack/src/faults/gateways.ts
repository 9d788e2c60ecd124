import { GatewayError } from '../demo/gateway-client';
import { SeatwiseApi } from '../demo/seatwise-api';

// The API through every gateway replica: a call goes to the next gateway in turn, and to the other one when a
// gateway is down (killed and starting again) or answers 5xx (an upstream replica killed mid-call). A 4xx is
// Seatwise's answer and is thrown as it is.
export class Gateways {
  private readonly apis: SeatwiseApi[];
  private next = 0;

  constructor(urls: readonly string[], apiKey: string) {
    this.apis = urls.map((url) => new SeatwiseApi(url, apiKey));
  }

  async call<T>(body: (api: SeatwiseApi) => Promise<T>): Promise<T> {
    let last: unknown = null;
    for (let tried = 0; tried < this.apis.length; tried += 1) {
      const api = this.apis[(this.next + tried) % this.apis.length];
      if (!api) continue;
      try {
        return await body(api);
      } catch (error) {
        if (error instanceof GatewayError && error.status < 500) throw error;
        last = error;
      }
    }
    this.next = (this.next + 1) % this.apis.length;
    throw last instanceof Error ? last : new Error(String(last));
  }
}
