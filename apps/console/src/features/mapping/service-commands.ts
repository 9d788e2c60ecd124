import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { noteBody, useMappingCommand } from './mapping-command';
import type { Sku } from './mapping-types';

export interface MapService {
  sku: Sku;
  productId: string;
  productName: string;
}

// Map, unmap and exclude a Duo SKU (admin only; the gateway refuses viewers anyway).
export function useServiceCommands() {
  const api = useApi();
  const map = useMappingCommand(
    ({ sku, productId }: MapService) =>
      unwrap(api.POST('/api/v1/mappings/services/{sku}/map', { params: { path: { sku } }, body: { productId } })),
    (v) => ({ done: 'Service mapped', failed: 'Could not map the service', message: `${v.sku} → ${v.productName}` }),
  );
  const unmap = useMappingCommand(
    ({ sku }: { sku: Sku }) =>
      unwrap(api.POST('/api/v1/mappings/services/{sku}/unmap', { params: { path: { sku } }, body: {} })),
    (v) => ({ done: 'Service unmapped', failed: 'Could not unmap the service', message: v.sku }),
  );
  const exclude = useMappingCommand(
    ({ sku, note }: { sku: Sku; note?: string }) =>
      unwrap(api.POST('/api/v1/mappings/services/{sku}/exclude', { params: { path: { sku } }, body: noteBody(note) })),
    (v) => ({
      done: 'Service excluded',
      failed: 'Could not exclude the service',
      message: `${v.sku} is left out of reconciliation`,
    }),
  );
  return { map, unmap, exclude };
}
