import { serve, type LocalServer } from './__fixtures__/local-server';
import { MAX_BODY_BYTES, readBody } from './body';

class TooLarge extends Error {}

describe('readBody', () => {
  let server: LocalServer;
  const outcomes: (string | Error)[] = [];

  beforeAll(async () => {
    server = await serve((req, res) => {
      readBody(req, () => new TooLarge('too large')).then(
        (body) => {
          outcomes.push(body);
          res.end('read');
        },
        (error: unknown) => {
          outcomes.push(error instanceof Error ? error : new Error(String(error)));
          res.end('refused');
        },
      );
    });
  });

  afterAll(() => server.close());

  beforeEach(() => {
    outcomes.length = 0;
  });

  it('reads the whole body as UTF-8', async () => {
    const reply = await fetch(server.url, { method: 'POST', body: 'a=1&b=é' });
    expect(await reply.text()).toBe('read');
    expect(outcomes).toEqual(['a=1&b=é']);
  });

  it("throws the caller's error once the body passes the bound", async () => {
    const reply = await fetch(server.url, { method: 'POST', body: 'x'.repeat(MAX_BODY_BYTES + 1) });
    expect(await reply.text()).toBe('refused');
    expect(outcomes[0]).toBeInstanceOf(TooLarge);
  });
});
