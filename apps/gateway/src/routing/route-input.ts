import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import { AppError, ErrorCodes } from '@seatwise/shared/errors/app-error';
import type { FieldIssue } from '@seatwise/shared/errors/field-issue';
import { describeIssues } from '@seatwise/shared/validation/zod-issues';
import type { Request } from 'express';
import { z } from 'zod';
import { routeOf } from './route.decorator';
import type { AnyRoute } from './route-definition';

const EMPTY = z.object({}).strict();

// @Input() hands the handler its route's params, query and body, each parsed by the route's schemas;
// anything else (unknown fields, repeated or bracketed query keys, wrong types) is a 400 problem.
export const Input = createParamDecorator((_data: unknown, ctx: ExecutionContext) => {
  const route = routeOf(ctx);
  if (!route) throw new AppError(ErrorCodes.INTERNAL, 'Handler without a route definition');
  return readInput(route, ctx.switchToHttp().getRequest<Request>());
});

function readInput(route: AnyRoute, req: Request): { params: unknown; query: unknown; body: unknown } {
  const issues: FieldIssue[] = [];
  const query = parsePart('query', route.query ?? EMPTY, textOnly(req.query, issues), issues);
  const params = parsePart('params', route.params ?? EMPTY, req.params, issues);
  let body: unknown = undefined;
  if (route.body) body = parsePart('body', route.body, req.body, issues);
  else rejectBody(req.body, issues);
  if (issues.length > 0) {
    throw new AppError(
      ErrorCodes.VALIDATION_FAILED,
      `Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    );
  }
  return { params, query, body };
}

function parsePart(part: string, schema: z.ZodType, value: unknown, issues: FieldIssue[]): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of describeIssues(result.error)) {
    issues.push({ path: issue.path === '(root)' ? part : `${part}.${issue.path}`, message: issue.message });
  }
  return undefined;
}

// A query value must be one piece of text: a repeated key (array) or a bracketed one (object, e.g.
// accountId[$ne]=x under an extended parser) is rejected before any schema sees it.
function textOnly(query: unknown, issues: FieldIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof query !== 'object' || query === null) return out;
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'string') out[key] = value;
    else issues.push({ path: `query.${key}`, message: 'must be given once, as plain text' });
  }
  return out;
}

// Routes without a body accept none, or an empty JSON object.
function rejectBody(body: unknown, issues: FieldIssue[]): void {
  if (
    body === undefined ||
    (typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0)
  ) {
    return;
  }
  issues.push({ path: 'body', message: 'this route takes no body' });
}
