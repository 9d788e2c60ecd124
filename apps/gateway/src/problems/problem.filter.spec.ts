import { type ArgumentsHost, BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import type { Problem } from '@seatwise/shared/contracts/gateway-api';
import { AppError } from '@seatwise/shared/errors/app-error';
import { ERROR_CODES, type ErrorCode, errorSpec } from '@seatwise/shared/errors/error-catalog';
import type { Logger } from '@seatwise/shared/logging/logger';
import { HttpProblemError } from './http-problem';
import { ProblemFilter } from './problem.filter';

interface Answer {
  status: number;
  contentType: string;
  headers: Record<string, string>;
  body: Problem;
}

const SECRET = 'mongo at 10.0.0.7 refused';

// The filter as Nest calls it, with a response that records what it is told to send.
function answer(exception: unknown): Answer {
  const headers: Record<string, string> = {};
  const sent: Partial<Answer> = {};
  const res = {
    headersSent: false,
    setHeader: (name: string, value: string) => (headers[name] = value),
    hasHeader: (name: string) => name in headers,
    status: (status: number) => ((sent.status = status), res),
    type: (type: string) => ((sent.contentType = type), res),
    send: (body: string) => ((sent.body = JSON.parse(body) as Problem), res),
  };
  const http = { getRequest: () => ({ method: 'GET', path: '/api/v1/things' }), getResponse: () => res };
  const host = { getType: () => 'http', switchToHttp: () => http } as unknown as ArgumentsHost;
  const logger = { error: () => undefined } as unknown as Logger;
  new ProblemFilter(logger).catch(exception, host);
  if (sent.status === undefined || sent.contentType === undefined || sent.body === undefined) {
    throw new Error('nothing sent');
  }
  return { status: sent.status, contentType: sent.contentType, headers, body: sent.body };
}

describe('ProblemFilter', () => {
  it.each(ERROR_CODES.map((code) => [code]))('answers %s with the catalog status and title', (code: ErrorCode) => {
    const { status, title } = errorSpec(code);
    const res = answer(new AppError(code, SECRET));
    expect(res.status).toBe(status);
    expect(res.contentType).toBe('application/problem+json');
    expect(res.body).toMatchObject({
      status,
      type: `urn:seatwise:problem:${res.body.code}`,
      instance: '/api/v1/things',
    });
    if (status === 500) {
      // Neither the code nor the message of a 500 leaves the gateway.
      expect(res.body).toMatchObject({ code: 'COMMON.INTERNAL', title: errorSpec('COMMON.INTERNAL').title });
    } else {
      expect(res.body).toMatchObject({ code, title });
    }
    if (status >= 500) expect(JSON.stringify(res.body)).not.toContain(SECRET);
    else expect(res.body.detail).toBe(SECRET);
  });

  it('lists field errors of a client error', () => {
    const fields = [{ path: 'body.name', message: 'required' }];
    expect(answer(new AppError('COMMON.VALIDATION_FAILED', 'bad', fields)).body.errors).toEqual(fields);
  });

  it('sets the headers a problem carries, and Retry-After on a 503', () => {
    const limited = answer(new HttpProblemError('HTTP.RATE_LIMITED', 'slow down', { 'Retry-After': '7' }));
    expect(limited.headers).toEqual({ 'Retry-After': '7' });
    expect(answer(new AppError('COMMON.UPSTREAM_UNAVAILABLE', SECRET)).headers).toEqual({ 'Retry-After': '5' });
  });

  it("maps Nest's own exceptions to catalog codes", () => {
    expect(answer(new NotFoundException()).body).toMatchObject({ status: 404, code: 'HTTP.ROUTE_NOT_FOUND' });
    expect(answer(new BadRequestException('bad URL')).body).toMatchObject({
      status: 400,
      code: 'COMMON.VALIDATION_FAILED',
    });
    expect(answer(new HttpException('nope', 405)).body).toMatchObject({ status: 405, code: 'HTTP.BAD_REQUEST' });
    expect(answer(new HttpException(SECRET, 503)).body).toMatchObject({ status: 503, code: 'COMMON.INTERNAL' });
  });

  it('answers anything else as an internal error, without its message', () => {
    const res = answer(new Error(SECRET));
    expect(res.body).toMatchObject({ status: 500, code: 'COMMON.INTERNAL', title: errorSpec('COMMON.INTERNAL').title });
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
  });

  // mutation: without the infrastructure check the gateway answered 500 COMMON.INTERNAL while its database was
  // stopped (the fault run), which clients do not retry.
  it('answers a server out of reach with 503 and Retry-After, hiding the details', () => {
    const down = Object.assign(new Error(SECRET), { name: 'MongoServerSelectionError' });
    const res = answer(down);
    expect(res.status).toBe(503);
    expect(res.headers['Retry-After']).toBe('5');
    expect(res.body.code).toBe('COMMON.UPSTREAM_UNAVAILABLE');
    expect(JSON.stringify(res.body)).not.toContain('10.0.0.7');
  });
});
