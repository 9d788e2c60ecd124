import type { AtContractService } from './at-schemas';
import { effectiveDay, inChunks, numericId, planQuantity, toAddition, unitsOn, type ActiveLine } from './at-lines';

const service = (id: number, contractID: number, extra: Partial<AtContractService> = {}): AtContractService => ({
  id,
  contractID,
  serviceID: 7,
  unitPrice: 3,
  adjustedPrice: null,
  ...extra,
});
const line = (id: number, contractID: number, units: number): ActiveLine => ({
  service: service(id, contractID),
  units,
});

describe('Autotask adapter helpers', () => {
  it('splits an in list into queries of at most 500 values', () => {
    const ids = [...Array(1001).keys()];
    const chunks = inChunks('contractID', ids);
    expect(chunks.map((c) => (c['value'] as number[]).length)).toEqual([500, 500, 1]);
    expect(chunks[2]).toEqual({ op: 'in', field: 'contractID', value: [1000] });
    expect(inChunks('contractID', [])).toEqual([]);
  });

  it('takes the effective date as its UTC date at midnight, today when none is given', () => {
    expect(effectiveDay('2026-03-15T23:30:00-05:00', 0)).toBe('2026-03-16T00:00:00.000Z');
    expect(effectiveDay(null, Date.UTC(2026, 0, 2, 13))).toBe('2026-01-02T00:00:00.000Z');
    expect(() => effectiveDay('soon', 0)).toThrow(/effectiveDate soon is not a date/);
  });

  it('refuses ids Autotask cannot have', () => {
    expect(numericId('42', 'Company')).toBe(42);
    expect(() => numericId('4x', 'Company')).toThrow(/Company id 4x is not an Autotask id/);
  });

  it('finds the units of the period holding the day, dates without a zone being UTC', () => {
    const rows = [
      { id: 1, contractServiceID: 10, startDate: '2025-01-01T00:00:00Z', endDate: '2026-03-14T00:00:00Z', units: 4 },
      { id: 2, contractServiceID: 10, startDate: '2026-03-15T00:00:00Z', endDate: '2030-12-31T00:00:00Z', units: 6 },
      { id: 3, contractServiceID: 11, startDate: '2025-01-01', endDate: '2025-06-30T00:00:00', units: 9 },
    ];
    expect([...unitsOn(rows, '2026-03-14T00:00:00.000Z')]).toEqual([[10, 4]]);
    expect([...unitsOn(rows, '2026-03-15T00:00:00.000Z')]).toEqual([[10, 6]]);
    expect([...unitsOn(rows, '2025-06-30T00:00:00.000Z')]).toEqual([
      [10, 4],
      [11, 9],
    ]);
  });

  it('sends the change to the first line (lowest contract, then id) so that all lines add up', () => {
    const plan = planQuantity([line(30, 200, 5), line(20, 100, 4), line(10, 200, 2)], 12);
    expect(plan.first.service.id).toBe(20);
    expect([plan.others, plan.target]).toEqual([7, 5]);
    expect(planQuantity([line(20, 100, 4), line(21, 100, 9)], 3).target).toBe(0);
  });

  it('maps a contract service to an addition: adjusted price first, no period = cancelled', () => {
    expect(toAddition(service(5, 9, { adjustedPrice: 2.5 }), 12)).toEqual({
      externalId: '5',
      agreementExternalId: '9',
      productExternalId: '7',
      quantity: 12,
      unitPrice: 2.5,
      cancelled: false,
      lastUpdated: null,
    });
    expect(toAddition(service(5, 9, { unitPrice: null }), null)).toMatchObject({
      quantity: 0,
      unitPrice: null,
      cancelled: true,
    });
  });
});
