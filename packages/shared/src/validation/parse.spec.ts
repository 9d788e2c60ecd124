import { jsonOrUndefined } from './parse';

describe('jsonOrUndefined', () => {
  it('parses JSON text', () => {
    expect(jsonOrUndefined('{"a":[1,null]}')).toEqual({ a: [1, null] });
  });

  it('turns text that is not JSON into undefined instead of throwing', () => {
    expect(jsonOrUndefined('{"a":')).toBeUndefined();
    expect(jsonOrUndefined('')).toBeUndefined();
  });
});
