import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import { LOGGER } from '@seatwise/platform/tokens';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { Logger } from '@seatwise/shared/logging/logger';
import type { Request, Response } from 'express';
import { isClientStatus, statusOfCode } from './error-status';
import { GatewayCodes } from './gateway-codes';
import { HttpProblemError } from './http-problem';
import { PROBLEM_CONTENT_TYPE, buildProblem, genericDetail } from './problem';

interface Resolved {
  status: number;
  code: string;
  detail: string;
  error: AppError | null;
}

// Every error the gateway answers, whatever threw it, leaves as one application/problem+json shape.
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const resolved = resolve(exception);
    if (resolved.status >= 500) {
      this.logger.error({ err: exception, method: req.method, path: req.path, code: resolved.code }, 'request failed');
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    const fields = resolved.error?.fields;
    const problem = buildProblem(resolved.status, resolved.code, resolved.detail, fields, req.path);
    if (exception instanceof HttpProblemError) for (const [name, value] of Object.entries(exception.headers)) res.setHeader(name, value);
    if (resolved.status === 503 && !res.hasHeader('Retry-After')) res.setHeader('Retry-After', '5');
    res.status(resolved.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}

function resolve(exception: unknown): Resolved {
  if (exception instanceof AppError) {
    const status = statusOfCode(exception.code);
    // Unknown codes become a plain internal error: their code may be as revealing as their message.
    const code = status === 500 ? 'COMMON.INTERNAL' : exception.code;
    return { status, code, detail: isClientStatus(status) ? exception.message : genericDetail(status), error: exception };
  }
  if (exception instanceof HttpException) return fromHttpException(exception);
  return { status: 500, code: 'COMMON.INTERNAL', detail: genericDetail(500), error: null };
}

// Nest's own exceptions: an unknown route (404) or a malformed URL (400) rejected before our handlers.
function fromHttpException(exception: HttpException): Resolved {
  const status = exception.getStatus();
  if (!isClientStatus(status)) return { status, code: 'COMMON.INTERNAL', detail: genericDetail(status), error: null };
  const code = status === 404 ? GatewayCodes.ROUTE_NOT_FOUND : status === 400 ? 'COMMON.VALIDATION_FAILED' : `HTTP.${status}`;
  const detail = status === 404 ? 'No such route' : exception.message;
  return { status, code, detail, error: null };
}
