import { matches } from './evaluate';
import { ConditionError } from './lexer';
import { parseConditions } from './parser';

const addition = {
  id: 1001,
  quantity: 12,
  agreementId: 12,
  product: { id: 101, identifier: 'DUO-ADVANTAGE' },
  description: 'Duo Advantage',
  taxableFlag: false,
  cancelledDate: null,
  _info: { lastUpdated: '2026-01-02T00:00:00Z' },
};
const test = (source: string): boolean => matches(parseConditions(source), addition);

describe('conditions', () => {
  it.each([
    ['lastUpdated > [2026-01-01T00:00:00Z]', true],
    ['lastUpdated > [2026-01-02T00:00:00Z]', false],
    ['_info/lastUpdated >= [2026-01-02T00:00:00Z]', true],
    ['lastUpdated < [2026-01-03]', true],
    ['agreement/id = 12', true],
    ['agreementId != 12', false],
    ['product/identifier = "duo-advantage"', true],
    ['taxableFlag = false', true],
    ['cancelledDate = null', true],
    ['quantity <= 12 and quantity > 11', true],
    ['quantity = 1 or (product/id = 101 AND taxableFlag = false)', true],
    ['quantity = 1 or product/id = 101 and taxableFlag = true', false],
    ['not quantity = 12', false],
    ['description contains "advan"', true],
    ['description like "Duo%"', true],
    ['description not like "%Premier"', true],
    ['product/id in (100, 101)', true],
    ['product/id not in (100, 102)', true],
    ['description = "say \\"hi\\""', false],
  ])('%s → %s', (source, expected) => {
    expect(test(source)).toBe(expected);
  });

  it.each([
    'quantity >',
    'quantity = 1 and',
    '(quantity = 1',
    'quantity == 1',
    'lastUpdated > [yesterday]',
    'description = "open',
    'nosuchfield = 1',
    'quantity = "twelve"',
    'taxableFlag > true',
    'quantity contains 1',
    'quantity = 1 foo',
    '',
  ])('rejects %j', (source) => {
    expect(() => test(source)).toThrow(ConditionError);
  });
});
