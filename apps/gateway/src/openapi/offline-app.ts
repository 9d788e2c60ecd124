import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { rootModule } from '@seatwise/platform/bootstrap/create-service-app';
import { BusConnection } from '@seatwise/platform/bus/bus-connection';
import { EventBus } from '@seatwise/platform/bus/event-bus';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { parseEnv } from '@seatwise/shared/config/env';
import { envSchema } from '@seatwise/shared/config/gateway-env';
import { createLogger } from '@seatwise/shared/logging/logger';
import type { Express } from 'express';
import { ApiKeyRepository } from '../auth/api-key.repository';
import { SessionRepository } from '../auth/session.repository';
import { EventHub } from '../events/event-hub';
import { HttpPipeline } from '../http/http-pipeline';
import { service } from '../service';

export interface ServedRoute {
  method: string;
  path: string;
}

// The gateway's real module tree (as main builds it), initialised but not listening, with nothing behind it: the
// connections to NATS and MongoDB and what uses them at start-up are inert stand-ins. Its Express
// middleware (HttpPipeline) needs the HTTP adapter while providers are built, which a testing module
// only has later, so it is left out: it registers no route. Specs and the OpenAPI script (which writes
// docs/openapi.json from it) use it; the running gateway never loads it.
export async function createOfflineApp(): Promise<INestApplication> {
  const env = parseEnv(envSchema, { NATS_URL: 'nats://offline:4222', MONGO_URL: 'mongodb://offline:27017' });
  const info = { name: 'gateway' as const, version: '0.0.0-test', startedAt: new Date(), instanceId: 'openapi' };
  const moduleRef = await Test.createTestingModule({
    imports: [rootModule(service, env, info, createLogger('gateway', 'silent'))],
  })
    .overrideProvider(BusConnection)
    .useValue({})
    .overrideProvider(MongoConnection)
    .useValue({})
    .overrideProvider(EventBus)
    .useValue({})
    .overrideProvider(EventHub)
    .useValue({})
    .overrideProvider(ApiKeyRepository)
    .useValue({})
    .overrideProvider(SessionRepository)
    .useValue({})
    .overrideProvider(HttpPipeline)
    .useValue({})
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

// The method and path of every route Express dispatches to, as Nest registered them.
export function servedRoutes(app: INestApplication): ServedRoute[] {
  const express = app.getHttpAdapter().getInstance() as Express;
  const stack = (
    express.router as unknown as { stack: { route?: { path: string; methods: Record<string, boolean> } }[] }
  ).stack;
  return stack.flatMap(({ route }) =>
    route ? Object.keys(route.methods).map((method) => ({ method: method.toUpperCase(), path: route.path })) : [],
  );
}
