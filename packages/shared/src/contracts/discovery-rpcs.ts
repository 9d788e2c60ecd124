import { healthRpc } from './rpc-definition';

// Request-reply API of apps/discovery (subject stem → request and response schemas).
export const discoveryRpcs = {
  'discovery.health': healthRpc('discovery'),
} as const;
