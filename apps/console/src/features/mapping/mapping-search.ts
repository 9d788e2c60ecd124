// The Mapping screen's tab lives in the URL (?tab=services) so a link or a reload opens the same tab.
export type MappingTab = 'accounts' | 'services';

export interface MappingSearch {
  // Absent means the Accounts tab, so plain links to /mapping need no search params.
  tab?: MappingTab;
}

export function parseMappingSearch(search: Record<string, unknown>): MappingSearch {
  return search['tab'] === 'services' ? { tab: 'services' } : {};
}
