// What a 401 answers in WWW-Authenticate (RFC 9110): how to authenticate, here an API key as a Bearer token.
export const CHALLENGE: Readonly<Record<string, string>> = { 'WWW-Authenticate': 'Bearer realm="seatwise"' };
