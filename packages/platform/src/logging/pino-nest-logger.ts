import type { LoggerService } from '@nestjs/common';
import type { Logger } from '@seatwise/shared/logging/logger';

// Routes Nest's own log lines into the service's pino logger (JSON, with secret redaction).
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.logger.info(this.context(rest), stringify(message));
  }

  error(message: unknown, ...rest: unknown[]): void {
    const [trace] = rest;
    this.logger.error({ ...this.context(rest), ...(typeof trace === 'string' ? { trace } : {}) }, stringify(message));
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.logger.warn(this.context(rest), stringify(message));
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.logger.debug(this.context(rest), stringify(message));
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.logger.trace(this.context(rest), stringify(message));
  }

  private context(rest: unknown[]): { context?: string } {
    const last = rest[rest.length - 1];
    return typeof last === 'string' ? { context: last } : {};
  }
}

function stringify(message: unknown): string {
  if (typeof message === 'string') return message;
  if (message instanceof Error) return message.message;
  return JSON.stringify(message);
}
