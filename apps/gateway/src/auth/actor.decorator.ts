import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import { principalOf } from './principal';

// @Actor() hands a mutation its actor, recorded upstream: the API key's name (and id, so two keys of
// one name differ).
export const Actor = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => {
  const principal = principalOf(ctx.switchToHttp().getRequest<Request>());
  return principal ? `${principal.name} (${principal.keyId})` : 'unknown';
});
