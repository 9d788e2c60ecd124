import { CwError } from '../errors';
import { patchAddition } from './json-patch';

describe('patchAddition', () => {
  it('accepts replace/add/remove with or without a leading slash', () => {
    expect(patchAddition([{ op: 'replace', path: 'quantity', value: 42 }])).toEqual({ quantity: 42 });
    expect(
      patchAddition([
        { op: 'add', path: '/description', value: 'x' },
        { op: 'remove', path: 'cancelledDate' },
      ]),
    ).toEqual({ description: 'x', cancelledDate: null });
    expect(patchAddition([{ op: 'replace', path: 'cancelledDate', value: '2026-02-01T00:00:00Z' }])).toEqual({
      cancelledDate: Date.parse('2026-02-01T00:00:00Z'),
    });
  });

  it.each([
    [{ op: 'replace', path: 'quantity', value: 1 }, 'BadRequest'],
    [[], 'BadRequest'],
    [[{ op: 'move', path: 'quantity', value: 1 }], 'BadRequest'],
    [[{ op: 'replace', value: 1 }], 'BadRequest'],
    [[{ op: 'replace', path: 'quantity' }], 'BadRequest'],
    [[{ op: 'replace', path: 'quantity', value: 'ten' }], 'InvalidObject'],
    [[{ op: 'replace', path: 'id', value: 5 }], 'InvalidObject'],
    [[{ op: 'replace', path: 'colour', value: 5 }], 'InvalidObject'],
    [[{ op: 'remove', path: 'quantity' }], 'InvalidObject'],
    [
      [
        { op: 'replace', path: 'quantity', value: 3 },
        { op: 'replace', path: 'unitPrice', value: null },
      ],
      'InvalidObject',
    ],
  ])('rejects %j with %s', (body, code) => {
    let error: unknown;
    try {
      patchAddition(body);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CwError);
    expect((error as CwError).status).toBe(400);
    expect((error as CwError).code).toBe(code);
  });
});
