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
    // No principal: the auth guard let a public route (or health) through, and there is nothing to check.
    if (!principal) return true;
    // Deny by default: an authenticated request to a handler that declares no route (and so no role) is refused,
    // so a controller added without @ApiRoute cannot be reached by every key.
    if (!route) throw new AppError('AUTH.FORBIDDEN', 'This handler declares no route and role; refused by default');
    const role = requiredRole(route);
    if (!hasRole(principal, role)) {
      throw new AppError('AUTH.FORBIDDEN', `This action needs the ${role} role; the key has ${principal.role}`);
    }
    return true;
  }
}
