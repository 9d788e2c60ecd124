import { busServers, urlCredentials } from './connect';

describe('bus connection options', () => {
  it('takes credentials out of a NATS_URL, which nats.js itself would ignore', () => {
    expect(urlCredentials('nats://harness:s%40cret@127.0.0.1:4222')).toEqual({ user: 'harness', pass: 's@cret' });
    expect(urlCredentials('nats://127.0.0.1:4222')).toBeUndefined();
  });

  it('strips credentials from every server when the identity is given separately', () => {
    expect(busServers('nats://harness:x@a:4222, tls://b:4222', { user: 'discovery', pass: 'p' })).toEqual([
      'nats://a:4222',
      'tls://b:4222',
    ]);
    expect(busServers('nats://a:4222,nats://b:4222')).toEqual(['nats://a:4222', 'nats://b:4222']);
  });
});
