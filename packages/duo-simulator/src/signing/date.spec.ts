import { parseRfc2822 } from './date';

describe('parseRfc2822', () => {
  const epoch = Date.UTC(1970, 0, 1);
  it.each([
    ['python', 'Thu, 01 Jan 1970 00:00:00 -0000', epoch],
    ['node', 'Thu, 01 Jan 1970 00:00:00 GMT', epoch],
    ['go', 'Thu, 01 Jan 1970 00:00:00 +0000', epoch],
    ['ruby with offset', 'Thu, 01 Jan 1970 02:00:00 +0200', epoch],
  ])('parses the %s format', (_, text, expected) => {
    expect(parseRfc2822(text)).toBe(expected);
  });

  it.each(['', 'yesterday', 'Do, 01 Jan 1970 00:00:00 -0000', '1970-01-01T00:00:00Z'])('rejects %j', (text) => {
    expect(parseRfc2822(text)).toBeUndefined();
  });
});
