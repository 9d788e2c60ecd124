// Types for Duo's official Node signer. The package's main entry exports only the HTTPS Client (no port/scheme
// support), so specs require its internal lib/duo_sig.js, which exports sign (v2, HMAC-SHA512) and signV5.
declare module '@duosecurity/duo_api/lib/duo_sig' {
  type Request = [ikey: string, skey: string, method: string, host: string, path: string];
  type Signed = [...Request, params: Record<string, string | string[]>, date: string];
  export function sign(...request: Signed): string;
  export function signV5(...request: [...Signed, body: string]): string;
}
