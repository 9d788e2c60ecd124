import { Controller, Inject, Req, Res } from '@nestjs/common';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/gateway-env';
import type { Request, Response } from 'express';
import { bearerToken } from '../auth/bearer';
import { principalOf } from '../auth/principal';
import { sessionTokenOf } from '../auth/session-token';
import { HttpMetrics } from '../metrics/http-metrics';
import type { InputOf } from '../routing/route-definition';
import { ApiRoute } from '../routing/route.decorator';
import { Input } from '../routing/route-input';
import { EventHub, type HubEvent } from './event-hub';
import { EventStreams, type StreamOwner } from './event-streams';
import { eventRoutes as routes } from './events.routes';

type Query = InputOf<typeof routes.stream>['query'];

@Controller()
export class EventsController {
  constructor(
    private readonly hub: EventHub,
    private readonly streams: EventStreams,
    private readonly metrics: HttpMetrics,
    @Inject(APP_ENV) private readonly env: Env,
  ) {}

  @ApiRoute(routes.stream)
  stream(@Input() { query }: InputOf<typeof routes.stream>, @Req() req: Request, @Res() res: Response): void {
    // Admitted before anything is written, so a key over its cap gets a plain 429 problem.
    const release = this.streams.admit(ownerOf(req), (reason) => {
      res.write(`event: closed\ndata: ${JSON.stringify({ reason })}\n\n`);
      res.end();
    });
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    // Proxies (nginx) would otherwise buffer the stream.
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write('retry: 3000\n: connected\n\n');
    this.metrics.sseClients.inc({});
    this.metrics.sseOpen.add(1);
    const stop = this.hub.listen((event) => {
      if (matches(event, query)) res.write(`event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), this.env.GATEWAY_SSE_HEARTBEAT_MS);
    res.once('close', () => {
      clearInterval(heartbeat);
      stop();
      release();
      this.metrics.sseOpen.add(-1);
    });
  }
}

// The auth guard has run: the request has a principal, from a Bearer key or a console session cookie.
function ownerOf(req: Request): StreamOwner {
  const principal = principalOf(req);
  if (!principal) throw new Error('the event stream route is authenticated; no principal means the guard did not run');
  const bearer = bearerToken(req.headers.authorization) !== null;
  return { principal, sessionToken: bearer ? null : sessionTokenOf(req.headers.cookie) };
}

function matches(event: HubEvent, query: Query): boolean {
  if (query.types !== undefined && !query.types.includes(event.name)) return false;
  if (query.accountId !== undefined && event.payload['accountId'] !== query.accountId) return false;
  if (
    query.integrationId !== undefined &&
    event.name === 'integration.sync-status' &&
    event.payload['integrationId'] !== query.integrationId
  ) {
    return false;
  }
  return true;
}
