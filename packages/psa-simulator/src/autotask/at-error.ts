// Autotask's failure envelope: {"errors": ["…"]} (a list of messages), with the HTTP status telling the kind.
export class AtError extends Error {
  constructor(
    readonly status: number,
    readonly messages: string[],
    readonly headers: Record<string, string> = {},
  ) {
    super(messages.join('; '));
  }

  static badRequest(...messages: string[]): AtError {
    return new AtError(400, messages);
  }

  static unauthorized(message: string): AtError {
    return new AtError(401, [message]);
  }

  static notFound(message: string): AtError {
    return new AtError(404, [message]);
  }

  static methodNotAllowed(message: string): AtError {
    return new AtError(405, [message]);
  }

  static tooManyRequests(message: string, retryAfterSeconds: number): AtError {
    return new AtError(429, [message], { 'Retry-After': String(retryAfterSeconds) });
  }

  toBody(): { errors: string[] } {
    return { errors: this.messages };
  }
}

export const atInternalError = (): AtError => new AtError(500, ['An unexpected error has occurred.']);
export const atUnavailable = (): AtError => new AtError(503, ['The service is temporarily unavailable.']);
