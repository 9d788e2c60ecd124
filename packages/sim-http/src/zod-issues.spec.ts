import { z } from 'zod';
import { formatIssues } from './zod-issues';

describe('formatIssues', () => {
  it('names each bad value by its path, and the whole input as (options)', () => {
    const nested = z.object({ faults: z.object({ drop: z.number().max(1) }) }).safeParse({ faults: { drop: 5 } });
    expect(formatIssues(nested.error!)).toMatch(/^faults\.drop: /);
    const whole = z.object({}).safeParse('text');
    expect(formatIssues(whole.error!)).toMatch(/^\(options\): /);
  });
});
