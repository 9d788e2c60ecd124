import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { Request } from 'express';
import { GatewayCodes } from '../problems/gateway-codes';
import { ROUTE_DEF } from '../routing/route.decorator';
import { type AnyRoute, requiredRole } from '../routing/route-definition';
import { hasRole, principalOf } from './principal';

// Viewers read; admins also change things and manage keys. Runs after the auth and rate-limit guards.
@Injectable()
export class RoleGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const route = this.reflector.get<AnyRoute | undefined>(ROUTE_DEF, context.getHandler());
    const principal = principalOf(context.switchToHttp().getRequest<Request>());
    if (!route || !principal) return true;
    const role = requiredRole(route);
    if (!hasRole(principal, role)) throw new AppError(GatewayCodes.FORBIDDEN, `This action needs the ${role} role; the key has ${principal.role}`);
    return true;
  }
}
