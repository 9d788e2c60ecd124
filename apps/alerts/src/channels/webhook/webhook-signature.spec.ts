import { execFileSync } from 'node:child_process';
import { signWebhook, verifyWebhook } from './webhook-signature';

// An independent implementation: openssl computes the same HMAC from the same message.
function opensslHmac(secret: string, message: string): string {
  const out = execFileSync('openssl', ['dgst', '-sha256', '-hmac', secret, '-hex'], { input: message }).toString();
  return out.trim().split(/\s+/).pop() ?? '';
}

describe('webhook signature', () => {
  const secret = 'whsec-0123456789abcdef';
  const body = JSON.stringify({ id: 'n_1', kind: 'opened', text: 'Ünïcode & <tags> "quoted"' });

  it('is v1= hex HMAC-SHA256 of "<timestamp>.<body>", as openssl computes it', () => {
    const signature = signWebhook(secret, 1_764_633_600, body);
    expect(signature).toBe(`v1=${opensslHmac(secret, `1764633600.${body}`)}`);
  });

  it('verifies what it signed, and nothing changed', () => {
    const ts = 1_764_633_600;
    const signature = signWebhook(secret, ts, body);
    expect(verifyWebhook(secret, { timestamp: String(ts), signature }, body, ts + 10)).toBe(true);
    expect(verifyWebhook(secret, { timestamp: String(ts), signature }, `${body} `, ts)).toBe(false);
    expect(verifyWebhook('another-secret-000000', { timestamp: String(ts), signature }, body, ts)).toBe(false);
    expect(verifyWebhook(secret, { timestamp: String(ts + 1), signature }, body, ts)).toBe(false);
    expect(verifyWebhook(secret, { timestamp: undefined, signature }, body, ts)).toBe(false);
  });

  it('refuses a timestamp outside the tolerance (a replay)', () => {
    const ts = 1_764_633_600;
    const signature = signWebhook(secret, ts, body);
    expect(verifyWebhook(secret, { timestamp: String(ts), signature }, body, ts + 301)).toBe(false);
  });
});
