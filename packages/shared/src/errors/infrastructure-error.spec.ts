import { JetStreamApiError } from '@nats-io/jetstream';
import { AppError, ErrorCodes } from './app-error';
import { isInfrastructureError } from './infrastructure-error';

const named = (name: string, extra: Record<string, unknown> = {}): Error =>
  Object.assign(new Error(`a ${name}`), { name }, extra);

describe('isInfrastructureError', () => {
  it('names a server out of reach by the error the driver or client throws', () => {
    expect(isInfrastructureError(named('MongoServerSelectionError'))).toBe(true);
    expect(isInfrastructureError(named('MongoNetworkError'))).toBe(true);
    expect(isInfrastructureError(named('TimeoutError'))).toBe(true);
    expect(isInfrastructureError(named('MongoServerError', { errorLabels: ['RetryableWriteError'] }))).toBe(true);
    // What a mongoose model throws when its connection stayed down for bufferTimeoutMS.
    const buffered = Object.assign(new Error('Operation `usage.updateOne()` buffering timed out after 10000ms'), {
      name: 'MongooseError',
    });
    expect(isInfrastructureError(buffered)).toBe(true);
    // What bulkWrite throws while the server is down: the network error's message under another name.
    const bulk = named('MongoBulkWriteError', { writeErrors: [] });
    bulk.message = 'connect ECONNREFUSED 127.0.0.1:27017';
    expect(isInfrastructureError(bulk)).toBe(true);
  });

  it('sees through a wrapping error to its cause (a publish that JetStream never acknowledged)', () => {
    const unacknowledged = named('JetStreamPublishError', { status: null });
    const wrapped = new AppError(ErrorCodes.BUS_PUBLISH_FAILED, 'Publishing failed', undefined, {
      cause: unacknowledged,
    });
    expect(isInfrastructureError(wrapped)).toBe(true);
    expect(isInfrastructureError(named('JetStreamPublishError', { status: 503 }))).toBe(true);
  });

  it('counts a JetStream cluster that cannot answer yet (a node restarting, an election)', () => {
    const api = (code: number, err_code: number, description: string) =>
      new JetStreamApiError({ code, err_code, description });
    expect(isInfrastructureError(api(503, 10008, 'JetStream system temporarily unavailable'))).toBe(true);
    expect(isInfrastructureError(api(500, 10009, 'JetStream cluster can not handle request'))).toBe(true);
    // A refusal of the request itself (here: the stream's configuration) is not waited out.
    expect(isInfrastructureError(api(400, 10052, 'stream configuration invalid'))).toBe(false);
  });

  it('leaves work that is wrong to redelivery and dead letters', () => {
    expect(isInfrastructureError(new TypeError('cannot read x of undefined'))).toBe(false);
    expect(isInfrastructureError(named('MongoServerError', { code: 11000, errorLabels: [] }))).toBe(false);
    expect(isInfrastructureError(named('JetStreamPublishError', { status: 400 }))).toBe(false);
    expect(isInfrastructureError('ECONNREFUSED')).toBe(false);
    expect(isInfrastructureError(named('MongooseError'))).toBe(false);
    const duplicate = named('MongoBulkWriteError', { writeErrors: [{ code: 11000 }] });
    duplicate.message = 'E11000 duplicate key error';
    expect(isInfrastructureError(duplicate)).toBe(false);
  });
});
