import { searchText } from '../../ui/search-params';

// The audit log's filters, kept in the URL so a filtered view can be shared and survives a reload.
export interface AuditSearch {
  accountId?: string | undefined;
  action?: string | undefined;
  targetId?: string | undefined;
}

export function parseAuditSearch(raw: Record<string, unknown>): AuditSearch {
  return {
    accountId: searchText(raw['accountId']),
    action: searchText(raw['action']),
    targetId: searchText(raw['targetId']),
  };
}

// Actions the services write today, offered as suggestions: the API takes any action name (it is a free
// string in the contract), so the field accepts others too.
export const KNOWN_ACTIONS = [
  'row.approve',
  'row.dismiss',
  'row.reset',
  'row.applied',
  'row.failed',
  'row.reopen',
  'mapping.account.map',
  'mapping.account.unmap',
  'mapping.account.exclude',
  'mapping.account.auto',
  'mapping.service.map',
  'mapping.service.unmap',
  'mapping.service.exclude',
  'connection.create',
  'connection.update',
  'connection.delete',
  'connection.import',
  'sync.start',
];
