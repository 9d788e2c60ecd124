import { ProblemError } from '../../api/problem';
import { fieldErrors } from './field-errors';

describe('fieldErrors', () => {
  it('puts each field error of a problem beside the field it names', () => {
    const error = new ProblemError({
      type: 'about:blank',
      title: 'Invalid request',
      status: 400,
      code: 'COMMON.VALIDATION_FAILED',
      detail: 'bad body',
      errors: [
        { path: 'body.integrationKey', message: 'must be a Duo integration key' },
        { path: 'name', message: 'required' },
        { path: 'body.other', message: 'unknown' },
      ],
    });
    expect(fieldErrors(error, ['name', 'integrationKey', 'secretKey'])).toEqual({
      integrationKey: 'must be a Duo integration key',
      name: 'required',
    });
  });

  it('has nothing to say about an error that is not a problem', () => {
    expect(fieldErrors(new Error('offline'), ['name'])).toEqual({});
  });
});
