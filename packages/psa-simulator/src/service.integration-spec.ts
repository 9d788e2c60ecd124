import { allPages, cw } from './__fixtures__/cw-client';
import { startPsaSimulator, type PsaSimulator } from './server';

let sim: PsaSimulator;
beforeAll(async () => {
  sim = await startPsaSimulator({
    seed: 'service',
    companies: 6,
    rateLimits: false,
    anchorTime: Date.UTC(2026, 0, 15),
  });
});
afterAll(() => sim.close());

const ids = (items: unknown) => (items as { id: number }[]).map((x) => x.id);
const companyId = () => sim.truth().companies[2]!.id;
const posts = () => sim.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/service/tickets'));

describe('service boards', () => {
  it('lists the seeded boards in id order with conditions, count and paging', async () => {
    const all = await cw(sim, '/service/boards');
    expect(all.status).toBe(200);
    expect(all.body).toEqual(
      sim
        .truth()
        .boards.map((b) => expect.objectContaining({ id: b.id, name: b.name, inactiveFlag: b.inactive }) as unknown),
    );
    const active = await cw(sim, '/service/boards', {
      query: { conditions: 'inactiveFlag=false and projectFlag=false' },
    });
    expect((active.body as { name: string }[]).map((b) => b.name)).toEqual(['Help Desk', 'Billing', 'Alerts']);
    const count = await cw(sim, '/service/boards/count', { query: { conditions: 'inactiveFlag=true' } });
    expect(count.body).toEqual({ count: 1 });
    const { items, pages } = await allPages(sim, '/service/boards', { query: { pageSize: '2' } });
    expect([ids(items), pages]).toEqual([[1, 2, 3, 4, 5], 3]);
  });

  it('reads one board, 404 NotFound for an unknown one, 400 for an unknown condition field', async () => {
    const one = await cw(sim, '/service/boards/2');
    expect(one.body).toMatchObject({ id: 2, name: 'Billing', department: { name: 'Finance' } });
    const missing = await cw(sim, '/service/boards/99');
    expect([missing.status, (missing.body as { code: string }).code]).toEqual([404, 'NotFound']);
    const bad = await cw(sim, '/service/boards', { query: { conditions: 'colour="red"' } });
    expect([bad.status, (bad.body as { code: string }).code]).toEqual([400, 'BadRequest']);
  });
});

describe('service tickets', () => {
  it('files a ticket (201), answers it without initialDescription and keeps it in the truth', async () => {
    const reply = await cw(sim, '/service/tickets', {
      method: 'POST',
      body: {
        summary: 'Duo seats over-billed',
        initialDescription: 'Acme is billed 12 seats, Duo counts 9.',
        board: { id: 2 },
        company: { id: companyId() },
        externalXRef: 'seatwise:abc',
      },
    });
    expect(reply.status).toBe(201);
    const body = reply.body as Record<string, unknown>;
    expect(body).toMatchObject({
      summary: 'Duo seats over-billed',
      recordType: 'ServiceTicket',
      board: { id: 2, name: 'Billing' },
      company: { id: companyId() },
      status: { name: 'New' },
      externalXRef: 'seatwise:abc',
    });
    expect(body).not.toHaveProperty('initialDescription');
    const filed = sim.truth().tickets.find((t) => t.id === body['id']);
    expect(filed).toMatchObject({
      boardId: 2,
      companyId: companyId(),
      summary: 'Duo seats over-billed',
      initialDescription: 'Acme is billed 12 seats, Duo counts 9.',
      externalXRef: 'seatwise:abc',
    });
    const read = await cw(sim, `/service/tickets/${String(body['id'])}`);
    expect(read.body).toEqual(body);
  });

  it('lists and counts tickets with conditions on references and externalXRef', async () => {
    const list = await cw(sim, '/service/tickets', {
      query: { conditions: `company/id=${companyId()} and board/id=2 and externalXRef="seatwise:abc"` },
    });
    expect(ids(list.body)).toEqual(
      sim
        .truth()
        .tickets.filter((t) => t.externalXRef === 'seatwise:abc')
        .map((t) => t.id),
    );
    const none = await cw(sim, '/service/tickets/count', { query: { conditions: 'externalXRef="nothing"' } });
    expect(none.body).toEqual({ count: 0 });
  });

  it('files on the first active service board when no board is given', async () => {
    const reply = await cw(sim, '/service/tickets', {
      method: 'POST',
      body: { summary: 'No board', company: { id: companyId() } },
    });
    expect([reply.status, (reply.body as { board: { id: number } }).board.id]).toEqual([201, 1]);
  });

  it.each([
    ['no summary', { company: 'ok' }, ['summary']],
    ['a summary over 100 characters', { summary: 'x'.repeat(101), company: 'ok' }, ['summary']],
    ['no company', { summary: 's' }, ['company']],
    ['an unknown company', { summary: 's', company: { id: 999_999 } }, ['company']],
    ['an unknown board', { summary: 's', company: 'ok', board: { id: 99 } }, ['board']],
    ['an inactive board', { summary: 's', company: 'ok', board: { id: 5 } }, ['board']],
    ['a project board', { summary: 's', company: 'ok', board: { id: 4 } }, ['board']],
    ['a long externalXRef', { summary: 's', company: 'ok', externalXRef: 'x'.repeat(101) }, ['externalXRef']],
    ['everything wrong', { summary: '', board: { id: 'x' } }, ['summary', 'company', 'board']],
  ] as [string, Record<string, unknown>, string[]][])(
    '400 InvalidObject for %s, nothing filed',
    async (_, raw, fields) => {
      const body = { ...raw, ...(raw['company'] === 'ok' ? { company: { id: companyId() } } : {}) };
      const before = sim.truth().tickets.length;
      const reply = await cw(sim, '/service/tickets', { method: 'POST', body });
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ code: 'InvalidObject' });
      expect((reply.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(fields);
      expect(sim.truth().tickets).toHaveLength(before);
    },
  );

  it('400 BadRequest for a body that is not an object; 404 for an unknown ticket; 405 for PATCH', async () => {
    const notObject = await cw(sim, '/service/tickets', { method: 'POST', body: [1] });
    expect([notObject.status, (notObject.body as { code: string }).code]).toEqual([400, 'BadRequest']);
    expect((await cw(sim, '/service/tickets/424242')).status).toBe(404);
    expect((await cw(sim, '/service/tickets', { method: 'PATCH', body: [] })).status).toBe(405);
  });

  it('logs every POST with its status', () => {
    expect(posts().map((r) => r.status)).toEqual([201, 201, ...Array<number>(9).fill(400), 400]);
  });
});
