import { type ArgumentsHost, Catch, type RpcExceptionFilter as NestRpcExceptionFilter } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { AppError, ErrorCodes, type AppErrorJson } from '@seatwise/shared/errors/app-error';
import { isInfrastructureError } from '@seatwise/shared/errors/infrastructure-error';
import type { Logger } from '@seatwise/shared/logging/logger';
import { type Observable, throwError } from 'rxjs';

// Message handlers answer every failure with a coded error ({code,message,fields}); unexpected
// errors are logged here and reach the caller without internals.
@Catch()
export class RpcErrorFilter implements NestRpcExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    return throwError(() => this.toPayload(exception, host));
  }

  private toPayload(exception: unknown, host: ArgumentsHost): AppErrorJson {
    if (exception instanceof AppError) return exception.toJSON();
    if (exception instanceof RpcException) {
      const error = exception.getError();
      if (AppError.isAppErrorJson(error)) return error;
    }
    // The database or NATS out of reach: the caller may try again (the gateway answers 503 with Retry-After).
    if (isInfrastructureError(exception)) {
      this.logger.warn({ err: exception, pattern: host.getType() }, 'a server is out of reach; request refused');
      return { code: ErrorCodes.UPSTREAM_UNAVAILABLE, message: 'A server this service needs is out of reach' };
    }
    this.logger.error({ err: exception, pattern: host.getType() }, 'Unhandled error in message handler');
    return { code: ErrorCodes.INTERNAL, message: 'Internal error' };
  }
}
