// Duo's failure envelope: {"stat":"FAIL","code":<int>,"message":...,"message_detail"?:...}, and the HTTP status is
// the code's first three digits. Messages are the ones observed from Duo (see the fact sheet, section 2.3).

export const ERRORS = {
  badParams: [40002, 'Invalid request parameters'],
  missingCredentials: [40101, 'Missing request credentials'],
  badIkey: [40102, 'Invalid integration key in request credentials'],
  badSignature: [40103, 'Invalid signature in request credentials'],
  missingDate: [40104, 'Missing request timestamp'],
  badDate: [40105, 'Bad request timestamp'],
  forbidden: [40301, 'Access forbidden'],
  notFound: [40401, 'Resource not found'],
  // UNCONFIRMED: Duo documents a 405 for a wrong verb but no observed 405xx code; 40501 follows its numbering.
  methodNotAllowed: [40501, 'Method not allowed'],
  rateLimited: [42901, 'Too Many Requests'],
  internal: [50001, 'Unknown internal server error'],
  // UNCONFIRMED: no 503 body from Duo was found; 50301 follows its numbering.
  unavailable: [50301, 'Service Unavailable'],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorKind = keyof typeof ERRORS;

/** A Duo-shaped failure; thrown by handlers and turned into the envelope by the router. */
export class DuoError extends Error {
  readonly code: number;
  readonly detail: string | undefined;

  constructor(kind: ErrorKind, detail?: string) {
    const [code, message] = ERRORS[kind];
    super(message);
    this.code = code;
    this.detail = detail;
  }

  get status(): number {
    return Math.floor(this.code / 100);
  }

  toBody(): Record<string, unknown> {
    const body: Record<string, unknown> = { stat: 'FAIL', code: this.code, message: this.message };
    if (this.detail !== undefined) body['message_detail'] = this.detail;
    return body;
  }
}

export function badParam(detail: string): DuoError {
  return new DuoError('badParams', detail);
}
