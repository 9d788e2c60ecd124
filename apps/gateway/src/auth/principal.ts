import type { ApiKeyRole } from '@seatwise/shared/contracts/gateway-api';
import type { Request } from 'express';

// Who is calling: the API key that authenticated the request. Its name is the actor of mutations.
export interface Principal {
  keyId: string;
  name: string;
  role: ApiKeyRole;
}

export interface AuthedRequest extends Request {
  principal?: Principal;
}

export function principalOf(req: Request): Principal | undefined {
  return (req as AuthedRequest).principal;
}

const RANK: Readonly<Record<ApiKeyRole, number>> = { viewer: 0, admin: 1 };

export function hasRole(principal: Principal, required: ApiKeyRole): boolean {
  return RANK[principal.role] >= RANK[required];
}
