import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { noteBody, useMappingCommand } from './mapping-command';

export interface AccountRef {
  accountId: string;
  accountName: string;
}

export interface MapAccount extends AccountRef {
  psaCompanyId: string;
  companyName: string;
}

// Map, unmap and exclude a Duo account (admin only; the gateway refuses viewers anyway).
export function useAccountCommands() {
  const api = useApi();
  const map = useMappingCommand(
    ({ accountId, psaCompanyId }: MapAccount) =>
      unwrap(
        api.POST('/api/v1/mappings/accounts/{accountId}/map', {
          params: { path: { accountId } },
          body: { psaCompanyId },
        }),
      ),
    (v) => ({
      done: 'Account mapped',
      failed: 'Could not map the account',
      message: `${v.accountName} → ${v.companyName}`,
    }),
  );
  const unmap = useMappingCommand(
    ({ accountId }: AccountRef) =>
      unwrap(api.POST('/api/v1/mappings/accounts/{accountId}/unmap', { params: { path: { accountId } }, body: {} })),
    (v) => ({ done: 'Account unmapped', failed: 'Could not unmap the account', message: v.accountName }),
  );
  const exclude = useMappingCommand(
    ({ accountId, note }: AccountRef & { note?: string }) =>
      unwrap(
        api.POST('/api/v1/mappings/accounts/{accountId}/exclude', {
          params: { path: { accountId } },
          body: noteBody(note),
        }),
      ),
    (v) => ({
      done: 'Account excluded',
      failed: 'Could not exclude the account',
      message: `${v.accountName} is left out of reconciliation`,
    }),
  );
  return { map, unmap, exclude };
}
