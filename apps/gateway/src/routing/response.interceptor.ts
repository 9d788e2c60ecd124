import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/gateway-env';
import { ErrorCodes } from '@seatwise/shared/errors/app-error';
import { parseOrThrow } from '@seatwise/shared/validation/parse';
import type { Request, Response } from 'express';
import { type Observable, from, mergeMap } from 'rxjs';
import { streamCsv } from '../lists/csv-export';
import { Pager } from '../lists/pager';
import { alreadySatisfies } from '../upstream/validated-replies';
import { routeOf } from './route.decorator';
import type { AnyRoute } from './route-definition';

// Shapes what a handler returns into what the route promises: a Pager becomes one JSON page or a streamed CSV
// export; every JSON body is parsed by the route's response schema, which also strips any field the
// contract does not list (a secret an upstream might add can never pass). An upstream reply RpcClient already
// parsed by the same contract is passed as it is (see validated-replies.ts).
@Injectable()
export class ResponseInterceptor implements NestInterceptor {
  constructor(@Inject(APP_ENV) private readonly env: Env) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = routeOf(context);
    if (!route || route.produces !== undefined || context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(mergeMap((value: unknown) => from(this.shape(route, req, res, value))));
  }

  private async shape(route: AnyRoute, req: Request, res: Response, value: unknown): Promise<unknown> {
    let body = value;
    if (value instanceof Pager) {
      if (route.csvItem && wantsCsv(req, value.start.format)) {
        const columns = Object.keys(route.csvItem.shape);
        const plan = { pager: value, columns, maxRows: this.env.GATEWAY_CSV_MAX_ROWS, name: csvName(route.path) };
        return streamCsv(plan, res);
      }
      body = await value.fetch(value.start.cursor, value.start.limit);
    }
    // A reply RpcClient parsed by the same contract is already exactly this shape (unknown fields stripped).
    if (alreadySatisfies(body, route.response)) return body;
    return parseOrThrow(route.response, body, `${route.method} ${route.path} response`, ErrorCodes.INTERNAL);
  }
}

function wantsCsv(req: Request, format: 'json' | 'csv' | undefined): boolean {
  if (format !== undefined) return format === 'csv';
  return req.accepts(['application/json', 'text/csv']) === 'text/csv';
}

function csvName(path: string): string {
  return (
    path
      .split('/')
      .filter((s) => s.length > 0 && !s.startsWith(':'))
      .at(-1) ?? 'export'
  );
}
