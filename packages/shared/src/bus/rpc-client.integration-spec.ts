import type { NatsConnection } from '@nats-io/transport-node';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { type AppError, ErrorCodes } from '../errors/app-error';
import { connectBus } from './connect';
import { RpcClient } from './rpc-client';
import { rpcSubject } from './subjects';

describe('RpcClient', () => {
  let scope: TestScope;
  let nc: NatsConnection;
  let client: RpcClient;

  beforeAll(async () => {
    scope = createTestScope();
    nc = await connectBus({ url: scope.natsUrl, name: 'rpc-spec' });
    client = new RpcClient(nc, scope.busPrefix, 500);
  });

  afterAll(async () => {
    await nc.close();
  });

  it('fails with UPSTREAM_UNAVAILABLE when no service answers', async () => {
    await expect(client.request('discovery.health', {})).rejects.toMatchObject({
      code: ErrorCodes.UPSTREAM_UNAVAILABLE,
    });
  });

  it('fails with TIMEOUT when the service does not reply in time', async () => {
    const sub = nc.subscribe(rpcSubject(scope.busPrefix, 'reconcile.health'), { callback: () => undefined });
    await nc.flush();
    await expect(client.request('reconcile.health', {}, 300)).rejects.toMatchObject({ code: ErrorCodes.TIMEOUT });
    sub.unsubscribe();
  });

  it('turns an error packet into a coded AppError, and validates replies', async () => {
    const sub = nc.subscribe(rpcSubject(scope.busPrefix, 'duo-connector.health'), {
      callback: (_err, msg) => {
        const { id } = msg.json<{ id: string }>();
        msg.respond(
          JSON.stringify({
            id,
            err: { code: 'CONNECTOR.DUO_FORBIDDEN', message: 'missing read log' },
            isDisposed: true,
          }),
        );
      },
    });
    await nc.flush();
    await expect(client.request('duo-connector.health', {})).rejects.toMatchObject({
      code: 'CONNECTOR.DUO_FORBIDDEN',
      message: 'missing read log',
    });
    sub.unsubscribe();
  });

  it('rejects a reply that breaks the contract', async () => {
    const sub = nc.subscribe(rpcSubject(scope.busPrefix, 'discovery.health'), {
      callback: (_err, msg) => {
        const { id } = msg.json<{ id: string }>();
        msg.respond(JSON.stringify({ id, response: { service: 'discovery', ready: 'yes' }, isDisposed: true }));
      },
    });
    await nc.flush();
    const error = (await client.request('discovery.health', {}).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe(ErrorCodes.INTERNAL);
    expect(error.message).toContain('ready');
    sub.unsubscribe();
  });
});
