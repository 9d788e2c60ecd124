import { searchText } from '../../ui/search-params';

// The Mapping screen's tab lives in the URL (?tab=services) so a link or a reload opens the same tab.
export type MappingTab = 'accounts' | 'services';

export interface MappingSearch {
  // Absent means the Accounts tab, so plain links to /mapping need no search params.
  tab?: MappingTab;
  // A Duo account's name: the Accounts tab opens searching for it (links from a reconciliation row).
  account?: string;
}

export function parseMappingSearch(search: Record<string, unknown>): MappingSearch {
  const account = searchText(search['account']);
  return {
    ...(search['tab'] === 'services' ? { tab: 'services' } : {}),
    ...(account === undefined ? {} : { account }),
  };
}
