import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import { LOGGER } from '@seatwise/platform/tokens';
import { AppError } from '@seatwise/shared/errors/app-error';
import { type ErrorCode, errorSpec } from '@seatwise/shared/errors/error-catalog';
import { isInfrastructureError } from '@seatwise/shared/errors/infrastructure-error';
import type { FieldIssue } from '@seatwise/shared/errors/field-issue';
import type { Logger } from '@seatwise/shared/logging/logger';
import type { Request, Response } from 'express';
import { HttpProblemError } from './http-problem';
import { PROBLEM_CONTENT_TYPE, buildProblem, genericDetail, isClientStatus } from './problem';

interface Resolved {
  status: number;
  code: ErrorCode;
  detail: string;
  fields?: FieldIssue[] | undefined;
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
    const problem = buildProblem(resolved.status, resolved.code, resolved.detail, resolved.fields, req.path);
    if (exception instanceof HttpProblemError) {
      for (const [name, value] of Object.entries(exception.headers)) res.setHeader(name, value);
    }
    if (resolved.status === 503 && !res.hasHeader('Retry-After')) res.setHeader('Retry-After', '5');
    res.status(resolved.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}

// A server out of reach (the gateway's own database during an outage) is a 503 with Retry-After, which clients
// retry, not a 500 (seen in the fault run while the database was stopped).
function resolve(exception: unknown): Resolved {
  if (exception instanceof AppError) return fromAppError(exception);
  if (exception instanceof HttpException) return fromHttpException(exception);
  if (isInfrastructureError(exception)) {
    return { status: 503, code: 'COMMON.UPSTREAM_UNAVAILABLE', detail: genericDetail(503) };
  }
  return internal(500);
}

// The status is the catalog's for the code. A 500's code may be as revealing as its message (which
// service failed how): both stay inside. Other 5xx keep their code, never their message.
function fromAppError(error: AppError): Resolved {
  const { status } = errorSpec(error.code);
  if (status === 500) return { ...internal(status), fields: error.fields };
  const detail = isClientStatus(status) ? error.message : genericDetail(status);
  return { status, code: error.code, detail, fields: error.fields };
}

// Nest's own exceptions: an unknown route (404) or a malformed URL (400) rejected before our handlers.
// Any other 4xx Nest raises has no code of its own in the catalog: it answers HTTP.BAD_REQUEST with
// the exception's status, so the status stays what Nest meant and the code stays a catalog code.
function fromHttpException(exception: HttpException): Resolved {
  const status = exception.getStatus();
  if (!isClientStatus(status)) return internal(status);
  if (status === 404) return { status, code: 'HTTP.ROUTE_NOT_FOUND', detail: 'No such route' };
  const code = status === 400 ? 'COMMON.VALIDATION_FAILED' : 'HTTP.BAD_REQUEST';
  return { status, code, detail: exception.message };
}

function internal(status: number): Resolved {
  return { status, code: 'COMMON.INTERNAL', detail: genericDetail(status) };
}
