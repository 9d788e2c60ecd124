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

export interface ChooseAgreement extends AccountRef {
  // null: back to the default rule.
  agreementId: string | null;
  agreementName: string;
  note?: string;
}

// Map, unmap and exclude a Duo account, and choose its agreement for new lines (admin only; the gateway refuses
// viewers anyway).
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
  const agreement = useMappingCommand(
    ({ accountId, agreementId, note }: ChooseAgreement) =>
      unwrap(
        api.POST('/api/v1/mappings/accounts/{accountId}/agreement', {
          params: { path: { accountId } },
          body: { agreementId, ...noteBody(note) },
        }),
      ),
    (v) => ({
      done: 'Agreement for new lines chosen',
      failed: 'Could not choose the agreement',
      message: `${v.accountName} → ${v.agreementName}`,
    }),
  );
  return { map, unmap, exclude, agreement };
}
