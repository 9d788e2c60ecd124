import { Inject, Injectable } from '@nestjs/common';
import { HostResolver, type ResolvedAddress } from './host-resolver';
import { classifyAddress, formatAddress, parseAddress, parseIpv6 } from './ip-address';
import { OutboundError, type OutboundRule } from './outbound-error';
import {
  ALLOWED_SCHEMES,
  DEFAULT_PORTS,
  PURPOSE_RULES,
  isInternalName,
  nameRuleRefusing,
  type OutboundPurpose,
} from './purpose-rules';

export type { OutboundPurpose } from './purpose-rules';

/** The operator's part of the policy (SEATWISE_OUTBOUND_* in the env); both lists empty by default. */
export interface OutboundConfig {
  /** Exact `host:port` endpoints reached whatever their scheme and address (simulators, a local mail sink). */
  allowedEndpoints: readonly string[];
  /** On-premise PSA hosts, `host` (port 443) or `host:port`: HTTPS and public addresses only. */
  psaHosts: readonly string[];
}

export const OUTBOUND_CONFIG = Symbol('OUTBOUND_CONFIG');

/** Where a checked call goes: the URL, and the address it must connect to (pinned: no second lookup). */
export interface ResolvedDestination {
  url: URL;
  address: string;
  family: 4 | 6;
  port: number;
}

interface Checked {
  url: URL;
  port: number;
  /** Reached by exact operator allowance: address ranges are not judged. */
  allowed: boolean;
}

/**
 * Where Seatwise may call out to, for each kind of call (Duo, PSA, webhook, SMTP). `check` judges a URL by its text
 * alone; `resolve` also resolves the name and refuses it when any address is outside the public internet. Every
 * refusal is an OUTBOUND.REFUSED naming the rule, never the host or an address.
 */
@Injectable()
export class OutboundPolicy {
  private readonly allowedEndpoints: ReadonlySet<string>;
  private readonly psaHosts: ReadonlySet<string>;

  constructor(
    @Inject(OUTBOUND_CONFIG) config: OutboundConfig,
    private readonly resolver: HostResolver,
  ) {
    this.allowedEndpoints = new Set(config.allowedEndpoints.map((e) => e.toLowerCase()));
    this.psaHosts = new Set(config.psaHosts.map((e) => e.toLowerCase()));
  }

  /** Static rules only (no DNS): the URL to call, or OUTBOUND.REFUSED naming the rule. */
  check(purpose: OutboundPurpose, url: string | URL): URL {
    return this.checked(purpose, url).url;
  }

  /** Static rules, then DNS: every address the name has must be public (unless the endpoint is operator-allowed). */
  async resolve(purpose: OutboundPurpose, url: string | URL): Promise<ResolvedDestination> {
    const checked = this.checked(purpose, url);
    const addresses = await this.addressesOf(purpose, checked.url.hostname.toLowerCase());
    if (!checked.allowed) {
      for (const candidate of addresses) this.refuseAddress(purpose, candidate.address);
    }
    const [first] = addresses;
    if (!first) throw OutboundError.unreachable(purpose, 'ENOTFOUND'); // addressesOf never returns none
    return { url: checked.url, address: first.address, family: first.family, port: checked.port };
  }

  private checked(purpose: OutboundPurpose, input: string | URL): Checked {
    const refuse = (rule: OutboundRule, detail?: string): never => {
      throw OutboundError.refused(purpose, rule, detail);
    };
    const url = parseUrl(input) ?? refuse('url-syntax');
    if (!ALLOWED_SCHEMES[purpose].includes(url.protocol)) refuse('scheme');
    if (url.username !== '' || url.password !== '' || rawAuthority(input)?.includes('@')) refuse('userinfo');
    if (url.hash !== '' || (typeof input === 'string' && input.includes('#'))) refuse('fragment');
    // Lower-cased here too: smtp: is no special scheme, so the URL parser keeps its host as written.
    const hostname = url.hostname.toLowerCase();
    if (hostname === '') refuse('url-syntax');
    const port = url.port === '' ? (DEFAULT_PORTS[url.protocol] ?? refuse('scheme')) : Number(url.port);
    if (!writtenCanonically(input, url, port)) refuse('host-spelling');
    if (hostname.endsWith('.')) refuse('trailing-dot');
    if (this.allowedEndpoints.has(`${hostname}:${port}`)) return { url, port, allowed: true };

    const rules = PURPOSE_RULES[purpose];
    if (!rules.schemes.includes(url.protocol)) refuse('scheme');
    const literal = parseAddress(bareHost(hostname));
    if (literal) {
      if (!rules.ipLiterals) refuse('ip-literal');
      this.refuseAddress(purpose, formatAddress(literal));
    } else if (!this.isOperatorPsaHost(purpose, hostname, port) && isInternalName(hostname)) {
      refuse('internal-name');
    }
    const nameRule = nameRuleRefusing(purpose, hostname, port, this.psaHosts);
    if (nameRule !== null) refuse(nameRule);
    return { url, port, allowed: false };
  }

  private isOperatorPsaHost(purpose: OutboundPurpose, hostname: string, port: number): boolean {
    return purpose === 'psa' && (this.psaHosts.has(hostname) || this.psaHosts.has(`${hostname}:${port}`));
  }

  private refuseAddress(purpose: OutboundPurpose, address: string): void {
    const parsed = parseAddress(address);
    // A resolver answer that is no address at all is refused like a private one: nothing to pin safely.
    const range = parsed ? classifyAddress(parsed) : 'reserved';
    if (range !== 'public') throw OutboundError.refused(purpose, 'blocked-address', `${range} range`);
  }

  private async addressesOf(purpose: OutboundPurpose, hostname: string): Promise<ResolvedAddress[]> {
    const literal = parseAddress(bareHost(hostname));
    if (literal) return [{ address: formatAddress(literal), family: literal.family }];
    let found: ResolvedAddress[];
    try {
      found = await this.resolver.lookup(hostname);
    } catch (error) {
      throw OutboundError.unreachable(purpose, dnsCode(error), error);
    }
    if (found.length === 0) throw OutboundError.unreachable(purpose, 'ENOTFOUND');
    return found;
  }
}

function parseUrl(input: string | URL): URL | null {
  if (input instanceof URL) return new URL(input.href);
  return URL.canParse(input) ? new URL(input) : null;
}

/** The authority exactly as written (`//` up to the path), or null for a URL object (already parsed once). */
function rawAuthority(input: string | URL): string | null {
  if (typeof input !== 'string') return null;
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(input.trim());
  return match?.[1] ?? null;
}

// The host as written must be what the URL parser made of it (case aside): `2130706433`, `0x7f.1`, `127.1`,
// percent-encoded, IDN look-alikes, tabs and backslashes are each rewritten by the parser, so they are refused
// here instead of being judged in a form the writer did not intend.
function writtenCanonically(input: string | URL, url: URL, port: number): boolean {
  const raw = rawAuthority(input);
  if (raw === null) return typeof input !== 'string';
  const written = raw.toLowerCase();
  const host = url.host.toLowerCase();
  return written === host || written === `${url.hostname.toLowerCase()}:${port}`;
}

function bareHost(hostname: string): string {
  return hostname.startsWith('[') && parseIpv6(hostname) ? hostname.slice(1, -1) : hostname;
}

function dnsCode(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[A-Z_]{3,32}$/.test(code) ? code : 'DNS_FAILED';
}
