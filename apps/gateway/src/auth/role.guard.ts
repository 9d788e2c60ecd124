import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { Request } from 'express';
import { routeOf } from '../routing/route.decorator';
import { requiredRole } from '../routing/route-definition';
import { hasRole, principalOf } from './principal';

// Viewers read; admins also change things and manage keys. Runs after the auth and rate-limit guards.
@Injectable()
export class RoleGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const route = routeOf(context);
    const principal = principalOf(context.switchToHttp().getRequest<Request>());
    if (!route || !principal) return true;
    const role = requiredRole(route);
    if (!hasRole(principal, role)) {
      throw new AppError('AUTH.FORBIDDEN', `This action needs the ${role} role; the key has ${principal.role}`);
    }
    return true;
  }
}
