import { allocate } from './world';

describe('allocate', () => {
  it('splits by weight into whole parts with the exact total, the largest remainders first', () => {
    expect(allocate(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocate(7, [0, 1, 0])).toEqual([0, 7, 0]);
  });
});
