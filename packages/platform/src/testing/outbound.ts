import { SystemHostResolver } from '../outbound/host-resolver';
import { OutboundPolicy } from '../outbound/outbound-policy';

/**
 * The outbound policy a spec gives a client that talks to local simulators or stub servers: exactly their
 * `host:port` endpoints are allowed (as the stack's operator allows its simulators), nothing else beyond the
 * public hosts the policy knows by name.
 */
export function allowingOnly(...baseUrls: string[]): OutboundPolicy {
  return new OutboundPolicy({ allowedEndpoints: endpointsOf(baseUrls), psaHosts: [] }, new SystemHostResolver());
}

/** The exact `host:port` of each URL (a default port written out), as SEATWISE_OUTBOUND_ALLOW lists them. */
export function endpointsOf(baseUrls: readonly string[]): string[] {
  return baseUrls.map((base) => {
    const url = new URL(base);
    const port = url.port !== '' ? url.port : url.protocol === 'https:' ? '443' : '80';
    return `${url.hostname}:${port}`;
  });
}
