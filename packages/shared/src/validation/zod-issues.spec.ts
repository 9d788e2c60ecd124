import { z } from 'zod';
import { describeIssues, formatIssues } from './zod-issues';

describe('zod issue formatting', () => {
  const schema = z.object({
    record: z.object({ user: z.object({ key: z.string(), name: z.string() }), n: z.number() }),
  });

  it('reports a missing key as Required at its dotted path', () => {
    const result = schema.safeParse({ record: { user: { name: 'x' }, n: 1 } });
    expect(result.success).toBe(false);
    expect(formatIssues(result.error!)).toBe('record.user.key: Required');
  });

  it('keeps zod messages for wrong types and lists every issue', () => {
    const result = schema.safeParse({ record: { user: { key: 1 }, n: 'x' } });
    expect(describeIssues(result.error!)).toEqual([
      { path: 'record.user.key', message: 'Invalid input: expected string, received number' },
      { path: 'record.user.name', message: 'Required' },
      { path: 'record.n', message: 'Invalid input: expected number, received string' },
    ]);
  });

  it('names the root when the whole value is wrong', () => {
    expect(formatIssues(schema.safeParse('nope').error!)).toBe(
      '(root): Invalid input: expected object, received string',
    );
  });
});
