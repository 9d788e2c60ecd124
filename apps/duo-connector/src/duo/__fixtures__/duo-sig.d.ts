// Types for Duo's official Node signer (devDependency, used by specs only as the reference implementation).
// Its main entry exports only an HTTPS client, so specs load the internal lib/duo_sig.js (sign = v2/SHA512, signV5).
declare module '@duosecurity/duo_api/lib/duo_sig' {
  type DuoParams = Record<string, string | string[]>;
  type Request = [
    ikey: string,
    skey: string,
    method: string,
    host: string,
    path: string,
    params: DuoParams,
    date: string,
  ];
  export function sign(...request: Request): string;
  export function signV5(...request: [...Request, body: string]): string;
}
