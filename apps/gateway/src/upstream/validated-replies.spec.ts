import { pageOf } from '@seatwise/shared/contracts/page';
import { z } from 'zod';
import { alreadySatisfies, recordValidated, sameContract } from './validated-replies';

const item = z.object({ id: z.string(), name: z.string() });

describe('validated replies', () => {
  it('passes a recorded reply for the same schema, or a page of the very same item schema', () => {
    const reply = { items: [{ id: 'a', name: 'A' }], nextCursor: null };
    const rpcSchema = pageOf(item);
    recordValidated(reply, rpcSchema);
    expect(alreadySatisfies(reply, rpcSchema)).toBe(true);
    expect(alreadySatisfies(reply, pageOf(item))).toBe(true);
  });

  it('parses anything not recorded: a copy of a reply, or a value never validated', () => {
    const reply = { items: [], nextCursor: null };
    recordValidated(reply, pageOf(item));
    expect(alreadySatisfies({ ...reply }, pageOf(item))).toBe(false);
    expect(alreadySatisfies({ items: [], nextCursor: null }, pageOf(item))).toBe(false);
    expect(alreadySatisfies(null, pageOf(item))).toBe(false);
    expect(alreadySatisfies('text', pageOf(item))).toBe(false);
  });

  it('does not take a different contract for the same one', () => {
    const page = pageOf(item);
    // An equal-looking item schema is another schema: it may differ in what it strips or refuses.
    expect(sameContract(page, pageOf(z.object({ id: z.string(), name: z.string() })))).toBe(false);
    expect(sameContract(page, pageOf(item.strict()))).toBe(false);
    expect(sameContract(page, z.object({ items: z.array(item), nextCursor: z.string().min(1).nullable() }))).toBe(
      false,
    );
    expect(sameContract(page, z.object({ items: z.array(item).max(1), nextCursor: z.string().nullable() }))).toBe(
      false,
    );
    expect(sameContract(page, page.strict())).toBe(false);
    expect(sameContract(page, page.extend({ total: z.number() }))).toBe(false);
    expect(
      sameContract(
        page,
        page.refine(() => true),
      ),
    ).toBe(false);
    expect(sameContract(item, item.extend({}))).toBe(false);
    expect(sameContract(item, item)).toBe(true);
  });

  it('does not pass a reply validated by one schema to a route promising another', () => {
    const reply = { id: 'a', name: 'A' };
    recordValidated(reply, item);
    expect(alreadySatisfies(reply, item.extend({ secret: z.string().optional() }))).toBe(false);
    expect(alreadySatisfies(reply, item)).toBe(true);
  });
});
