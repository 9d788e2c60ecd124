import { createLogger } from '@seatwise/shared/logging/logger';
import { untilReachable } from './until-reachable';

const unreachable = (): Error =>
  Object.assign(new Error('connect ECONNREFUSED'), { name: 'MongoServerSelectionError' });

describe('untilReachable', () => {
  const logger = createLogger('spec', 'silent');

  it('waits for a server out of reach, doubling the wait up to its bound, and returns what opened', async () => {
    const slept: number[] = [];
    let tries = 0;
    const opened = await untilReachable(
      () => (++tries < 5 ? Promise.reject(unreachable()) : Promise.resolve('connection')),
      {
        what: 'the database',
        logger,
        sleep: (ms) => {
          slept.push(ms);
          return Promise.resolve();
        },
        firstDelayMs: 100,
        maxDelayMs: 500,
      },
    );
    expect(opened).toBe('connection');
    expect(slept).toEqual([100, 200, 400, 500]);
  });

  it('fails at once on anything but an unreachable server (bad credentials, a bad URL)', async () => {
    const slept: number[] = [];
    const refused = Object.assign(new Error('Authorization Violation'), { name: 'AuthorizationError' });
    await expect(
      untilReachable(() => Promise.reject(refused), {
        what: 'NATS',
        logger,
        sleep: (ms) => {
          slept.push(ms);
          return Promise.resolve();
        },
      }),
    ).rejects.toBe(refused);
    expect(slept).toEqual([]);
  });
});
