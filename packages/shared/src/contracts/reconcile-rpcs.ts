import { healthRpc } from './rpc-definition';

// Request-reply API of apps/reconcile (subject stem → request and response schemas).
export const reconcileRpcs = {
  'reconcile.health': healthRpc('reconcile'),
} as const;
