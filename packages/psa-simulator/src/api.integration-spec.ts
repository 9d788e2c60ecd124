import { allPages, basicAuth, cw } from './__fixtures__/cw-client';
import { startPsaSimulator, type PsaSimulator } from './server';
import { connectWiseInfo } from './modes/psa-mode';

let sim: PsaSimulator;
beforeAll(async () => {
  sim = await startPsaSimulator({
    seed: 'api',
    companies: 130,
    products: 40,
    rateLimits: false,
    anchorTime: Date.UTC(2026, 0, 15),
  });
});
afterAll(() => sim.close());

const ids = (items: Record<string, unknown>[]) => items.map((x) => x['id'] as number);

describe('auth', () => {
  const path = '/company/companies';
  it.each([
    ['no Authorization', { Authorization: null }],
    ['no clientId', { clientId: null }],
    ['an unknown clientId', { clientId: '00000000-0000-4000-8000-000000000000' }],
    ['a wrong private key', { Authorization: basicAuth('seatwise_sim', 'x', 'y') }],
    ['a wrong company id', { Authorization: 'WRONG' }],
    ['a non-Basic scheme', { Authorization: 'Bearer abc' }],
  ] as [string, Record<string, string | null>][])('401 for %s', async (_, headers) => {
    const auth =
      headers['Authorization'] === 'WRONG'
        ? {
            Authorization: basicAuth(
              'other',
              connectWiseInfo(sim.info).publicKey,
              connectWiseInfo(sim.info).privateKey,
            ),
          }
        : headers;
    const reply = await cw(sim, path, { headers: auth });
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({ code: 'Unauthorized' });
  });

  it('accepts the company id case-insensitively and serves companyinfo without auth', async () => {
    const reply = await cw(sim, path, {
      headers: {
        Authorization: basicAuth(
          'SEATWISE_SIM',
          connectWiseInfo(sim.info).publicKey,
          connectWiseInfo(sim.info).privateKey,
        ),
      },
    });
    expect(reply.status).toBe(200);
    const info = await fetch(`${sim.url}/login/companyinfo/seatwise_sim`);
    expect(await info.json()).toMatchObject({ Codebase: 'v4_6_release/', CompanyID: 'seatwise_sim' });
  });
});

describe('paging', () => {
  it.each([
    ['/company/companies', 1000, 1],
    ['/company/companies', 25, 6],
    ['/procurement/catalog', 7, 8],
    ['/finance/agreements', 50, 0],
  ])('%s with pageSize %i walks every record once, in id order', async (path, pageSize, expectedPages) => {
    const { items, pages } = await allPages(sim, path, { query: { pageSize: String(pageSize) } });
    const truth = sim.truth().companies;
    const expected = path.includes('compan')
      ? truth.map((c) => c.id)
      : path.includes('agreements')
        ? truth.flatMap((c) => c.agreements.map((a) => a.id)).sort((a, b) => a - b)
        : null;
    if (expected) expect(ids(items)).toEqual(expected);
    else expect(items).toHaveLength(54);
    expect(new Set(ids(items)).size).toBe(items.length);
    if (expectedPages > 0) expect(pages).toBe(expectedPages);
  });

  it('forward-only paging (pageId) returns the same records', async () => {
    const navigable = await allPages(sim, '/company/companies', { query: { pageSize: '1000' } });
    const forward = await allPages(sim, '/company/companies', {
      query: { pageSize: '40' },
      headers: { 'pagination-type': 'forward-only' },
    });
    expect(forward.pages).toBe(4);
    expect(ids(forward.items)).toEqual(ids(navigable.items));
  });

  it('400 for a bad page', async () => {
    expect((await cw(sim, '/company/companies', { query: { page: '0' } })).status).toBe(400);
  });
});

describe('conditions', () => {
  const truth = () => sim.truth().companies;
  it('company/id, cancelledFlag and `and` on agreements', async () => {
    const company = truth()[3]!;
    const reply = await cw(sim, '/finance/agreements', {
      query: { conditions: `company/id = ${company.id} and cancelledFlag = false` },
    });
    expect(ids(reply.body as Record<string, unknown>[])).toEqual(
      company.agreements.filter((a) => !a.cancelled).map((a) => a.id),
    );
    const cancelled = await allPages(sim, '/finance/agreements', {
      query: { conditions: 'cancelledFlag = true', pageSize: '1000' },
    });
    expect(ids(cancelled.items)).toEqual(
      truth()
        .flatMap((c) => c.agreements.filter((a) => a.cancelled).map((a) => a.id))
        .sort((a, b) => a - b),
    );
  });

  it('agreement/id on additions, lastUpdated on companies, identifier strings, counts', async () => {
    const agreement = truth()[0]!.agreements[0]!;
    const additions = await cw(sim, `/finance/agreements/${agreement.id}/additions`, {
      query: { conditions: `agreement/id = ${agreement.id}` },
    });
    expect(ids(additions.body as Record<string, unknown>[])).toEqual(agreement.additions.map((x) => x.id));
    const all = (await cw(sim, '/company/companies', { query: { pageSize: '1000' } })).body as {
      _info: { lastUpdated: string };
    }[];
    const cut = all.map((c) => c._info.lastUpdated).sort()[100]!;
    const newer = await cw(sim, '/company/companies', {
      query: { pageSize: '1000', conditions: `lastUpdated > [${cut}]` },
    });
    expect((newer.body as unknown[]).length).toBe(all.filter((c) => c._info.lastUpdated > cut).length);
    const duo = await cw(sim, '/procurement/catalog/count', {
      query: { conditions: 'identifier like "DUO-%" and description contains "duo"' },
    });
    expect(duo.body).toEqual({ count: 4 });
  });

  it.each(['lastUpdated > 2026', 'nosuch/field = 1', 'cancelledFlag = "no"', 'company/id = 1 and'])(
    '400 for %j',
    async (conditions) => {
      const reply = await cw(sim, '/finance/agreements', { query: { conditions } });
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ code: 'BadRequest' });
    },
  );
});

describe('404 and 405', () => {
  it.each([
    '/company/companies/999999',
    '/procurement/catalog/1',
    '/finance/agreements/999999',
    '/finance/agreements/999999/additions',
    '/finance/agreements/abc',
    // Service boards and tickets are served (service.integration-spec.ts); the rest of the service module is not.
    '/service/priorities',
  ])('404 NotFound for %s', async (path) => {
    const reply = await cw(sim, path);
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ code: 'NotFound' });
  });

  it('404 for an addition on another agreement, 405 for DELETE', async () => {
    const [a, b] = sim
      .truth()
      .companies.slice(0, 2)
      .map((c) => c.agreements[0]!);
    expect((await cw(sim, `/finance/agreements/${a!.id}/additions/${b!.additions[0]!.id}`)).status).toBe(404);
    expect((await cw(sim, `/finance/agreements/${a!.id}`, { method: 'DELETE' })).status).toBe(405);
  });
});
