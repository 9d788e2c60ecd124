import { classifyAddress, formatAddress, parseAddress, parseIpv4, parseIpv6 } from './ip-address';

const v4 = (text: string): string | null => {
  const bytes = parseIpv4(text);
  return bytes ? Array.from(bytes).join('.') : null;
};

describe('parseIpv4', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['0x7F.1', '127.0.0.1'],
    ['0177.0.0.01', '127.0.0.1'],
    ['017700000001', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['127.0.1', '127.0.0.1'],
    ['169.254.43518', '169.254.169.254'],
    ['0xa9.0xfe.0xa9.0xfe', '169.254.169.254'],
    ['0', '0.0.0.0'],
    ['10.0.0.1.', '10.0.0.1'],
  ])('reads %s as %s', (text, expected) => {
    expect(v4(text)).toBe(expected);
  });

  it.each(['256.0.0.1', '1.2.3.4.5', '4294967296', '0x100000000', '08.0.0.1', '1..1', 'a.b.c.d', '', '1.2.3.-4'])(
    'is not an address: %p',
    (text) => {
      expect(v4(text)).toBeNull();
    },
  );
});

describe('parseIpv6', () => {
  it('reads compressed, bracketed, zoned and dotted-tail forms', () => {
    expect(formatAddress({ family: 6, bytes: parseIpv6('[::1]')! })).toBe('::1');
    expect(formatAddress({ family: 6, bytes: parseIpv6('fe80::1%eth0')! })).toBe('fe80::1');
    expect(formatAddress({ family: 6, bytes: parseIpv6('::ffff:127.0.0.1')! })).toBe('::ffff:7f00:1');
    expect(formatAddress({ family: 6, bytes: parseIpv6('0:0:0:0:0:0:0:1')! })).toBe('::1');
    expect(parseIpv6('1::2::3')).toBeNull();
    expect(parseIpv6('example.com')).toBeNull();
  });
});

describe('classifyAddress', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['2606:4700::1111', 'public'],
    ['64:ff9b::808:808', 'public'],
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::127.0.0.1', 'loopback'],
    ['2002:7f00:1::', 'loopback'],
    ['10.1.2.3', 'private'],
    ['fd00::1', 'private'],
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['64:ff9b::a9fe:a9fe', 'metadata'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['100.64.0.1', 'shared'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['ff02::fb', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['2001:db8::1', 'documentation'],
    ['2001::1', 'tunnel'],
  ])('classifies %s as %s', (text, expected) => {
    expect(classifyAddress(parseAddress(text)!)).toBe(expected);
  });
});
