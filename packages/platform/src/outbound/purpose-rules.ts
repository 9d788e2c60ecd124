import type { OutboundRule } from './outbound-error';

export type OutboundPurpose = 'duo' | 'psa' | 'webhook' | 'smtp';

// What each kind of call may reach, by name alone (no DNS). Addresses are judged later, after resolution.
interface PurposeRules {
  schemes: readonly string[];
  /** Ports allowed to a host the rules below accept by name; null = any. */
  ports: readonly number[] | null;
  /** Whether an IP literal may stand for the host (it is then judged by its range). */
  ipLiterals: boolean;
  /** The name rule, or null when any public name will do. */
  hostRule: 'duo-host' | 'psa-host' | null;
}

export const PURPOSE_RULES: Readonly<Record<OutboundPurpose, PurposeRules>> = {
  duo: { schemes: ['https:'], ports: [443], ipLiterals: false, hostRule: 'duo-host' },
  psa: { schemes: ['https:'], ports: [443], ipLiterals: false, hostRule: 'psa-host' },
  webhook: { schemes: ['https:'], ports: null, ipLiterals: true, hostRule: null },
  smtp: { schemes: ['smtp:', 'smtps:'], ports: [25, 465, 587, 2525], ipLiterals: true, hostRule: null },
};

/** Schemes that may appear at all for a purpose (http: only ever reaches operator-allowed endpoints). */
export const ALLOWED_SCHEMES: Readonly<Record<OutboundPurpose, readonly string[]>> = {
  duo: ['https:', 'http:'],
  psa: ['https:', 'http:'],
  webhook: ['https:', 'http:'],
  smtp: ['smtp:', 'smtps:'],
};

export const DEFAULT_PORTS: Readonly<Record<string, number>> = {
  'https:': 443,
  'http:': 80,
  'smtp:': 25,
  'smtps:': 465,
};

// Duo's API hosts: the commercial cloud and Duo Federal. The id is letters and digits only, so look-alikes such as
// api-x.duosecurity.com.evil.example or api-x-duosecurity.com fail.
const DUO_HOST = /^api-[a-z0-9]{1,32}\.(duosecurity|duofederal)\.com$/;

// The PSA vendors' cloud domains (any sub-domain): ConnectWise (api-na/eu/au.myconnectwise.net and its staging
// domain), Autotask (webservices*.autotask.net zones) and hosted HaloPSA (<tenant>.halopsa.com).
const PSA_CLOUD_DOMAINS = ['myconnectwise.net', 'connectwisedev.com', 'autotask.net', 'halopsa.com'];

// Names that never resolve on the public internet, or resolve to the host itself (RFC 6761, 6762, 8375, and the
// suffixes cloud and container platforms use for internal names).
const INTERNAL_SUFFIXES = [
  'localhost',
  'local',
  'localdomain',
  'internal',
  'intranet',
  'lan',
  'home.arpa',
  'arpa',
  'test',
  'invalid',
  'example',
  'onion',
];

export function isInternalName(hostname: string): boolean {
  if (!hostname.includes('.')) return true; // a single label is a container, a host file entry or a search domain
  return INTERNAL_SUFFIXES.some((suffix) => hostname === suffix || hostname.endsWith(`.${suffix}`));
}

/** Which name rule refuses this host for the purpose, or null when the name is fine. */
export function nameRuleRefusing(
  purpose: OutboundPurpose,
  hostname: string,
  port: number,
  psaHosts: ReadonlySet<string>,
): OutboundRule | null {
  const rules = PURPOSE_RULES[purpose];
  if (rules.hostRule === 'duo-host' && !DUO_HOST.test(hostname)) return 'duo-host';
  if (rules.hostRule === 'psa-host') {
    if (psaHosts.has(`${hostname}:${port}`)) return null; // an operator entry with its own port
    if (psaHosts.has(hostname)) return port === 443 ? null : 'port';
    if (!PSA_CLOUD_DOMAINS.some((domain) => hostname.endsWith(`.${domain}`))) return 'psa-host';
  }
  if (rules.ports !== null && !rules.ports.includes(port)) return 'port';
  return null;
}
