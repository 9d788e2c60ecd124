import type { ArgumentsHost } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { AppError } from '@seatwise/shared/errors/app-error';
import { createLogger } from '@seatwise/shared/logging/logger';
import { firstValueFrom } from 'rxjs';
import { RpcErrorFilter } from './rpc-exception.filter';

const host = { getType: () => 'rpc' } as ArgumentsHost;

async function payloadOf(exception: unknown): Promise<unknown> {
  const filter = new RpcErrorFilter(createLogger('spec', 'silent'));
  return firstValueFrom(filter.catch(exception, host)).catch((error: unknown) => error);
}

describe('RpcErrorFilter', () => {
  it('sends an AppError as its code, message and fields', async () => {
    const error = new AppError('CONNECTOR.DUO_FORBIDDEN', 'missing read log', [
      { path: 'permissions', message: 'read log' },
    ]);
    expect(await payloadOf(error)).toEqual({
      code: 'CONNECTOR.DUO_FORBIDDEN',
      message: 'missing read log',
      fields: [{ path: 'permissions', message: 'read log' }],
    });
  });

  it('passes a coded RpcException through', async () => {
    expect(await payloadOf(new RpcException({ code: 'COMMON.CONFLICT', message: 'm' }))).toEqual({
      code: 'COMMON.CONFLICT',
      message: 'm',
    });
  });

  it('hides unexpected errors behind COMMON.INTERNAL', async () => {
    expect(await payloadOf(new Error('db password is hunter2'))).toEqual({
      code: 'COMMON.INTERNAL',
      message: 'Internal error',
    });
  });
});

describe('RpcErrorFilter with codes outside the catalog', () => {
  it('hides a coded RpcException whose code is not declared', async () => {
    expect(await payloadOf(new RpcException({ code: 'X.Y', message: 'm' }))).toEqual({
      code: 'COMMON.INTERNAL',
      message: 'Internal error',
    });
  });

  // mutation: without the infrastructure check, a database outage reaches the caller as COMMON.INTERNAL (a 500).
  it('answers a server out of reach as COMMON.UPSTREAM_UNAVAILABLE, without its details', async () => {
    const down = Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:27017'), { name: 'MongoServerSelectionError' });
    expect(await payloadOf(down)).toEqual({
      code: 'COMMON.UPSTREAM_UNAVAILABLE',
      message: 'A server this service needs is out of reach',
    });
  });
});
