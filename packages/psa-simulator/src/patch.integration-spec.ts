import { cw } from './__fixtures__/cw-client';
import { startPsaSimulator, type PsaSimulator } from './server';
import { connectWiseInfo } from './modes/psa-mode';

let sim: PsaSimulator;
beforeAll(async () => {
  sim = await startPsaSimulator({ seed: 'patch', companies: 12, rateLimits: false, anchorTime: Date.UTC(2026, 0, 15) });
});
afterAll(() => sim.close());

interface AdditionJson {
  id: number;
  quantity: number;
  extPrice: number;
  _info: { lastUpdated: string; updatedBy: string };
}

function target(): { agreement: number; addition: number; path: string } {
  const agreement = sim.truth().companies[2]!.agreements[0]!;
  const addition = agreement.additions[0]!.id;
  return { agreement: agreement.id, addition, path: `/finance/agreements/${agreement.id}/additions/${addition}` };
}

describe('PATCH an addition quantity', () => {
  it('persists in GET, truth and lastUpdated conditions', async () => {
    const { agreement, addition, path } = target();
    const all = (await cw(sim, `/finance/agreements/${agreement}/additions`)).body as AdditionJson[];
    const watermark = all
      .map((x) => x._info.lastUpdated)
      .sort()
      .at(-1)!;
    const before = (
      await cw(sim, `/finance/agreements/${agreement}/additions`, {
        query: { conditions: `lastUpdated > [${watermark}]` },
      })
    ).body;
    expect(before).toEqual([]);
    const reply = await cw(sim, path, { method: 'PATCH', body: [{ op: 'replace', path: 'quantity', value: 777 }] });
    expect(reply.status).toBe(200);
    const patched = reply.body as AdditionJson;
    expect(patched).toMatchObject({
      id: addition,
      quantity: 777,
      _info: { updatedBy: connectWiseInfo(sim.info).publicKey },
    });
    expect(patched._info.lastUpdated > watermark).toBe(true);
    expect((await cw(sim, path)).body).toEqual(patched);
    const after = (
      await cw(sim, `/finance/agreements/${agreement}/additions`, {
        query: { conditions: `lastUpdated > [${watermark}]` },
      })
    ).body;
    expect(after).toEqual([patched]);
    const truthAddition = sim
      .truth()
      .companies.flatMap((c) => c.agreements)
      .find((a) => a.id === agreement)!
      .additions.find((x) => x.id === addition);
    expect(truthAddition?.quantity).toBe(777);
    const overHttp = await (await fetch(`${sim.url}/_sim/truth`)).json();
    expect(overHttp).toEqual(sim.truth());
  });

  it('stamps each later patch strictly after the previous one', async () => {
    const { path } = target();
    const first = (await cw(sim, path, { method: 'PATCH', body: [{ op: 'replace', path: '/quantity', value: 1 }] }))
      .body as AdditionJson;
    const second = (await cw(sim, path, { method: 'PATCH', body: [{ op: 'replace', path: 'quantity', value: 2 }] }))
      .body as AdditionJson;
    expect(second._info.lastUpdated > first._info.lastUpdated).toBe(true);
  });

  it.each([
    ['not JSON', { rawBody: '[{"op":' }, 'BadRequest'],
    ['not an array', { body: { op: 'replace', path: 'quantity', value: 3 } }, 'BadRequest'],
    ['a bad op', { body: [{ op: 'copy', path: 'quantity', value: 3 }] }, 'BadRequest'],
    ['a string quantity', { body: [{ op: 'replace', path: 'quantity', value: 'three' }] }, 'InvalidObject'],
    ['a read-only path', { body: [{ op: 'replace', path: 'id', value: 3 }] }, 'InvalidObject'],
    [
      'one good and one bad op',
      {
        body: [
          { op: 'replace', path: 'quantity', value: 3 },
          { op: 'replace', path: 'nope', value: 1 },
        ],
      },
      'InvalidObject',
    ],
  ])('400 for %s, and nothing changes', async (_, call, code) => {
    const { path } = target();
    const before = (await cw(sim, path)).text;
    const truthBefore = sim.truth();
    const reply = await cw(sim, path, { method: 'PATCH', ...call });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code });
    expect((await cw(sim, path)).text).toBe(before);
    expect(sim.truth()).toEqual(truthBefore);
  });

  it('404 for an unknown addition or agreement', async () => {
    const { agreement } = target();
    const body = [{ op: 'replace', path: 'quantity', value: 3 }];
    expect((await cw(sim, `/finance/agreements/${agreement}/additions/1`, { method: 'PATCH', body })).status).toBe(404);
    expect((await cw(sim, '/finance/agreements/1/additions/1', { method: 'PATCH', body })).status).toBe(404);
  });
});
