import { z } from 'zod';

// A host as it is written in a URL's authority: a lower-case DNS name, a dotted IPv4 address or a bracketed IPv6
// address. Ports are 1-65535. Validated here so a typo fails at start-up, not as a refused call later.
const HOST = String.raw`(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])`;
const PORT = String.raw`(?:6553[0-5]|655[0-2]\d|65[0-4]\d{2}|6[0-4]\d{3}|[1-5]\d{4}|[1-9]\d{0,3})`;
const HOST_PORT = new RegExp(`^${HOST}:${PORT}$`);
const HOST_OPTIONAL_PORT = new RegExp(`^${HOST}(?::${PORT})?$`);

function hostList(pattern: RegExp, example: string) {
  return z
    .string()
    .default('')
    .transform((raw, ctx) => {
      const entries = raw
        .split(',')
        .map((entry) => entry.trim().toLowerCase())
        .filter((entry) => entry !== '');
      const bad = entries.filter((entry) => !pattern.test(entry));
      if (bad.length > 0) {
        ctx.addIssue({ code: 'custom', message: `each comma-separated entry must look like ${example}` });
        return z.NEVER;
      }
      return [...new Set(entries)];
    });
}

// Env keys of every service that calls out (Duo, PSAs, webhooks, SMTP). Both lists default to empty: only the
// public hosts the outbound policy knows by name are reachable.
export const outboundEnvShape = {
  // Exact `host:port` endpoints reached whatever their address and scheme: the simulators of the stack and the
  // demo, a local mail sink. Matched against the URL exactly as written (no other spelling of the same address).
  SEATWISE_OUTBOUND_ALLOW: hostList(HOST_PORT, '127.0.0.1:4100 or duo-sim:8080'),
  // On-premise PSA servers (`host` or `host:port`): HTTPS, public addresses only, like the cloud PSA hosts.
  SEATWISE_OUTBOUND_PSA_HOSTS: hostList(HOST_OPTIONAL_PORT, 'psa.example.com or psa.example.com:8443'),
};

export const outboundEnvSchema = z.object(outboundEnvShape);

export type OutboundEnv = z.infer<typeof outboundEnvSchema>;
