// Refresh this long before a token's expiry (at most half its lifetime), so a call never leaves with a token that
// dies on the way.
export const REFRESH_MARGIN_MS = 60_000;

// The cached access token and until when it is used.
export class TokenCache {
  private current: { token: string; usableUntil: number } | null = null;

  constructor(private readonly clock: () => number = Date.now) {}

  // The token while it is fresh, else null (the caller fetches a new one).
  get(): string | null {
    return this.current !== null && this.clock() < this.current.usableUntil ? this.current.token : null;
  }

  store(token: string, expiresInSeconds: number): void {
    const lifetime = expiresInSeconds * 1000;
    const margin = Math.min(REFRESH_MARGIN_MS, lifetime / 2);
    this.current = { token, usableUntil: this.clock() + lifetime - margin };
  }

  // After a 401: the server no longer takes this token, whatever its expiry said.
  clear(): void {
    this.current = null;
  }
}
