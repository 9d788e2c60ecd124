import { lookup } from 'node:dns/promises';
import { Injectable } from '@nestjs/common';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * The outbound policy's only side effect: name → addresses. Specs replace it with a table, so a policy spec never
 * asks a real resolver and never opens a socket.
 */
export abstract class HostResolver {
  /** Every address the name resolves to (the policy refuses the name if any of them is not public). */
  abstract lookup(hostname: string): Promise<ResolvedAddress[]>;
}

/** The system resolver (getaddrinfo: /etc/hosts, then DNS), as Node's own HTTP clients use it. */
@Injectable()
export class SystemHostResolver extends HostResolver {
  async lookup(hostname: string): Promise<ResolvedAddress[]> {
    const found = await lookup(hostname, { all: true, order: 'verbatim' });
    return found.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
  }
}
