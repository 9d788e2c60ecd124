// The Cookie request header as name → value (express 5 parses none). A name sent twice keeps its first
// value: browsers send the cookie of the most specific path first. Values are taken as sent (ours are
// base64url), except that one pair of surrounding quotes is removed, as RFC 6265 allows them.
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (header === undefined) return cookies;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (name.length > 0 && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

interface CookieOptions {
  maxAgeSeconds: number;
  // Only over HTTPS: a Secure cookie is never sent back over plain HTTP (local stacks, the demo).
  secure: boolean;
}

// A Set-Cookie value for a session cookie: not readable by scripts, never sent cross-site.
export function sessionCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${value}`, 'HttpOnly', 'SameSite=Strict', 'Path=/', `Max-Age=${options.maxAgeSeconds}`];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

// The Set-Cookie value that makes the browser drop the cookie.
export function clearedCookie(name: string, secure: boolean): string {
  return sessionCookie(name, '', { maxAgeSeconds: 0, secure });
}
