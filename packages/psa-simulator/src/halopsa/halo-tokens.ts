import { randomBytes } from 'node:crypto';

export interface IssuedToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

// Access tokens the simulated authorisation server handed out, each valid for `ttlSeconds` from its issue. Tokens
// are opaque random strings (a real Halo token is a JWT, but clients must not read it either).
export class TokenStore {
  private readonly expiries = new Map<string, number>();

  constructor(private readonly clock: () => number = Date.now) {}

  issue(ttlSeconds: number): IssuedToken {
    const now = this.clock();
    for (const [token, expiry] of this.expiries) if (expiry <= now) this.expiries.delete(token);
    const token = randomBytes(24).toString('base64url');
    this.expiries.set(token, now + ttlSeconds * 1000);
    return { access_token: token, token_type: 'Bearer', expires_in: ttlSeconds };
  }

  // Unknown and expired tokens alike are not valid; the caller answers both with 401.
  valid(token: string): boolean {
    const expiry = this.expiries.get(token);
    return expiry !== undefined && expiry > this.clock();
  }
}
