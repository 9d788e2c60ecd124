import { isIPv6 } from 'node:net';

// IP literals as any resolver or URL parser may read them, and the ranges an outbound call must never reach.
// Everything here is pure: no socket, no DNS.

/** Why an address is not a public destination; `public` when it is one. */
export type AddressClass =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'metadata'
  | 'multicast'
  | 'broadcast'
  | 'documentation'
  | 'benchmark'
  | 'reserved'
  | 'tunnel';

export interface ParsedAddress {
  family: 4 | 6;
  /** 4 or 16 bytes, network order. */
  bytes: Uint8Array;
}

/**
 * An IPv4 literal in every spelling inet_aton (and so curl, ping, browsers' URL parsers) accepts: 1 to 4 parts,
 * each decimal, octal (leading 0) or hex (0x); the last part fills the remaining bytes (`127.1`, `2130706433`,
 * `0x7f.0.0.1`, `0177.0.0.01`). A trailing dot is tolerated as URL parsers do. Null when it is not one.
 */
export function parseIpv4(text: string): Uint8Array | null {
  const trimmed = text.endsWith('.') ? text.slice(0, -1) : text;
  const parts = trimmed.split('.');
  if (parts.length < 1 || parts.length > 4) return null;
  const values: number[] = [];
  for (const part of parts) {
    const value = ipv4Part(part);
    if (value === null) return null;
    values.push(value);
  }
  const last = values.pop();
  if (last === undefined) return null;
  if (values.some((v) => v > 255) || last >= 256 ** (4 - values.length)) return null;
  let n = last;
  values.forEach((v, i) => (n += v * 256 ** (3 - i)));
  return Uint8Array.of(n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
}

function ipv4Part(part: string): number | null {
  let digits: string;
  let radix: number;
  if (/^0x[0-9a-f]*$/i.test(part)) [digits, radix] = [part.slice(2) || '0', 16];
  else if (/^0[0-7]+$/.test(part)) [digits, radix] = [part.slice(1), 8];
  else if (/^(0|[1-9][0-9]*)$/.test(part)) [digits, radix] = [part, 10];
  else return null;
  const value = parseInt(digits, radix);
  return Number.isSafeInteger(value) && value <= 0xffffffff ? value : null;
}

/** An IPv6 literal, with or without brackets and zone id (`fe80::1%eth0`), including the dotted-quad tail form. */
export function parseIpv6(text: string): Uint8Array | null {
  let body = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  body = body.replace(/%.*$/, '');
  if (!isIPv6(body)) return null;
  const dotted = /\d+\.\d+\.\d+\.\d+$/.exec(body);
  if (dotted) {
    const quad = dotted[0];
    const [a = 0, b = 0, c = 0, d = 0] = quad.split('.').map(Number);
    body = `${body.slice(0, -quad.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = body.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const groups =
    rest === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  if (groups.length !== 8) return null;
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    const v = parseInt(g, 16);
    bytes[2 * i] = v >> 8;
    bytes[2 * i + 1] = v & 255;
  });
  return bytes;
}

/** An IP literal of either family (IPv4 in any inet_aton spelling), else null: then it is a name. */
export function parseAddress(text: string): ParsedAddress | null {
  const v4 = parseIpv4(text);
  if (v4) return { family: 4, bytes: v4 };
  const v6 = parseIpv6(text);
  return v6 ? { family: 6, bytes: v6 } : null;
}

/** The canonical text of an address (dotted quad, or Node's compressed IPv6). */
export function formatAddress(address: ParsedAddress): string {
  if (address.family === 4) return Array.from(address.bytes).join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) {
    groups.push((((address.bytes[i] ?? 0) << 8) | (address.bytes[i + 1] ?? 0)).toString(16));
  }
  return new URL(`http://[${groups.join(':')}]/`).hostname.slice(1, -1);
}

interface Range {
  prefix: number[];
  bits: number;
  class: Exclude<AddressClass, 'public'>;
}

// Most specific first: the first match wins. Sources: IANA special-purpose registries (RFC 6890 and updates) and
// the cloud metadata endpoints (AWS/GCP/Azure/OpenStack 169.254.169.254, ECS 169.254.170.2, Alibaba 100.100.100.200).
const V4_RANGES: Range[] = [
  { prefix: [169, 254, 169, 254], bits: 32, class: 'metadata' },
  { prefix: [169, 254, 170, 2], bits: 32, class: 'metadata' },
  { prefix: [100, 100, 100, 200], bits: 32, class: 'metadata' },
  { prefix: [255, 255, 255, 255], bits: 32, class: 'broadcast' },
  { prefix: [0], bits: 8, class: 'unspecified' },
  { prefix: [10], bits: 8, class: 'private' },
  { prefix: [100, 64], bits: 10, class: 'shared' },
  { prefix: [127], bits: 8, class: 'loopback' },
  { prefix: [169, 254], bits: 16, class: 'link-local' },
  { prefix: [172, 16], bits: 12, class: 'private' },
  { prefix: [192, 0, 0], bits: 24, class: 'reserved' },
  { prefix: [192, 0, 2], bits: 24, class: 'documentation' },
  { prefix: [192, 31, 196], bits: 24, class: 'reserved' },
  { prefix: [192, 52, 193], bits: 24, class: 'reserved' },
  { prefix: [192, 88, 99], bits: 24, class: 'tunnel' },
  { prefix: [192, 168], bits: 16, class: 'private' },
  { prefix: [192, 175, 48], bits: 24, class: 'reserved' },
  { prefix: [198, 18], bits: 15, class: 'benchmark' },
  { prefix: [198, 51, 100], bits: 24, class: 'documentation' },
  { prefix: [203, 0, 113], bits: 24, class: 'documentation' },
  { prefix: [224], bits: 4, class: 'multicast' },
  { prefix: [240], bits: 4, class: 'reserved' },
];

// IPv6 ranges that carry an IPv4 address are classified by that address (below), the rest here.
const V6_RANGES: Range[] = [
  { prefix: [0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54], bits: 128, class: 'metadata' },
  { prefix: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], bits: 128, class: 'unspecified' },
  { prefix: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], bits: 128, class: 'loopback' },
  { prefix: [0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], bits: 48, class: 'private' }, // local-use NAT64 (RFC 8215)
  { prefix: [0x01, 0x00, 0, 0, 0, 0, 0, 0], bits: 64, class: 'reserved' }, // discard-only
  { prefix: [0x20, 0x01, 0x0d, 0xb8], bits: 32, class: 'documentation' },
  { prefix: [0x20, 0x01, 0x00, 0x00], bits: 32, class: 'tunnel' }, // Teredo: the client address is obfuscated
  { prefix: [0x20, 0x01, 0x00, 0x02, 0x00, 0x00], bits: 48, class: 'benchmark' },
  { prefix: [0x20, 0x01, 0x00, 0x10], bits: 28, class: 'reserved' }, // ORCHID
  { prefix: [0x20, 0x01, 0x00, 0x20], bits: 28, class: 'reserved' }, // ORCHIDv2
  { prefix: [0x3f, 0xff], bits: 20, class: 'documentation' },
  { prefix: [0x5f, 0x00], bits: 16, class: 'reserved' }, // SRv6 SIDs
  { prefix: [0xfc], bits: 7, class: 'private' }, // unique local
  { prefix: [0xfe, 0x80], bits: 10, class: 'link-local' },
  { prefix: [0xfe, 0xc0], bits: 10, class: 'private' }, // deprecated site-local
  { prefix: [0xff], bits: 8, class: 'multicast' },
];

function matches(bytes: Uint8Array, range: Range): boolean {
  let bits = range.bits;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((range.prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

function classifyV4(bytes: Uint8Array): AddressClass {
  return V4_RANGES.find((range) => matches(bytes, range))?.class ?? 'public';
}

/**
 * The IPv4 address an IPv6 address carries and that a host or gateway would reach instead: IPv4-mapped
 * (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d, deprecated), IPv4-translated (::ffff:0:a.b.c.d), NAT64
 * (64:ff9b::a.b.c.d) and 6to4 (2002:AABB:CCDD::). Null when it carries none.
 */
function embeddedV4(b: Uint8Array): Uint8Array | null {
  const zeros = (from: number, to: number): boolean => b.slice(from, to).every((x) => x === 0);
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return b.slice(12);
  if (zeros(0, 8) && b[8] === 0xff && b[9] === 0xff && zeros(10, 12)) return b.slice(12);
  if (zeros(0, 12)) return b.slice(12); // ::a.b.c.d (:: and ::1 are matched before this is asked)
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12)) return b.slice(12);
  if (b[0] === 0x20 && b[1] === 0x02) return b.slice(2, 6);
  return null;
}

export function classifyAddress(address: ParsedAddress): AddressClass {
  if (address.family === 4) return classifyV4(address.bytes);
  const listed = V6_RANGES.find((range) => matches(address.bytes, range))?.class;
  if (listed) return listed;
  const v4 = embeddedV4(address.bytes);
  // Judged by the IPv4 address it leads to: ::ffff:127.0.0.1 is loopback, 64:ff9b::8.8.8.8 is public.
  if (v4) return classifyV4(v4);
  return 'public';
}
