import type { Agreement, World } from '../data/model';
import { truthOf } from '../data/truth';
import { buildWorld } from '../data/world';
import { resolveOptions } from '../options';
import { HaloError } from './halo-errors';
import { applyUpdate, planUpdate } from './halo-update';

const fresh = (): World => buildWorld(resolveOptions({ seed: 'halo-update', companies: 8 }), Date.UTC(2026, 0, 15));
const active = (w: World): Agreement => w.agreements.find((a) => !a.cancelled && a.additions.length > 1)!;
const inactive = (w: World): Agreement => w.agreements.find((a) => a.cancelled)!;
const liveLine = (a: Agreement) => a.additions.find((x) => x.cancelledDate === null)!;

function details(world: World, body: unknown): { field: string }[] {
  try {
    planUpdate(world, body);
  } catch (e) {
    if (e instanceof HaloError && e.status === 400) return (e.body['details'] as { field: string }[] | undefined) ?? [];
    throw e;
  }
  throw new Error('accepted');
}

describe('planUpdate / applyUpdate', () => {
  it('changes a line by id, stamps only what changed, and creates a line without id through addLine', () => {
    const world = fresh();
    const invoice = active(world);
    const [a, b] = invoice.additions.filter((x) => x.cancelledDate === null);
    const [startA, before] = [a!.quantity, { ...b! }];
    const item = world.catalog.find((p) => !invoice.additions.some((x) => x.productId === p.id))!;
    const plan = planUpdate(world, [
      {
        id: invoice.id,
        lines: [
          { id: a!.id, qty_order: a!.quantity + 3, start_date: '2026-02-01T00:00:00Z' },
          { id: b!.id, item_id: b!.productId, qty_order: b!.quantity, unit_price: b!.unitPrice },
          { item_id: item.id, qty_order: 4 },
        ],
      },
    ]);
    expect(applyUpdate(world, plan, Date.UTC(2026, 0, 20), 'client-1')).toBe(1);
    expect(a).toMatchObject({ quantity: startA + 3, updatedBy: 'client-1' });
    expect(a!.effectiveDate).toBe(Date.UTC(2026, 1, 1));
    expect(b).toEqual(before);
    const created = invoice.additions.at(-1)!;
    expect(created).toMatchObject({ productId: item.id, quantity: 4, unitPrice: item.price, updatedBy: 'client-1' });
  });

  it.each([
    ['not an array', () => ({}), ''],
    ['an empty array', () => [], ''],
  ])('refuses a body that is %s', (_, body) => {
    expect(details(fresh(), body())).toEqual([]);
  });

  it('names every problem at once and changes nothing', () => {
    const world = fresh();
    const invoice = active(world);
    const line = liveLine(invoice);
    const second = invoice.additions.find((x) => x.cancelledDate === null && x.id !== line.id)!;
    const other = world.agreements.find((a) => a.id !== invoice.id && a.additions.length > 0)!;
    const truth = JSON.stringify(truthOf(world));
    const fields = details(world, [
      {
        id: invoice.id,
        client_id: invoice.companyId + 1,
        lines: [
          { id: line.id, qty_order: -1 },
          { id: other.additions[0]!.id, qty_order: 1 },
          { id: line.id, qty_order: 2 },
          { item_id: 999_999, qty_order: 1 },
          { item_id: world.catalog[0]!.id, qty_order: 1.5 },
          { id: second.id, item_id: second.productId + 1 },
        ],
      },
      { id: 999_999 },
      { id: inactive(world).id, lines: [{ item_id: world.catalog[0]!.id }] },
    ]).map((d) => d.field);
    expect(fields).toEqual([
      '[0].client_id',
      '[0].lines[0].qty_order',
      '[0].lines[1].id',
      '[0].lines[2].id',
      '[0].lines[3].item_id',
      '[0].lines[4].qty_order',
      '[0].lines[5].item_id',
      '[1].id',
      '[2]',
    ]);
    expect(JSON.stringify(truthOf(world))).toBe(truth);
  });

  it('refuses a cancelled line as unknown (cancelled lines are not served)', () => {
    const world = fresh();
    const invoice = world.agreements.find((a) => !a.cancelled && a.additions.some((x) => x.cancelledDate !== null))!;
    const cancelled = invoice.additions.find((x) => x.cancelledDate !== null)!;
    expect(details(world, [{ id: invoice.id, lines: [{ id: cancelled.id, qty_order: 1 }] }])).toEqual([
      expect.objectContaining({ field: '[0].lines[0].id' }),
    ]);
  });
});
