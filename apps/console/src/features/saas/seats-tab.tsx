import { ReclaimableTable } from './reclaimable-table';
import type { SaasSearch, SetSaasSearch } from './saas-search';
import { SeatSettings } from './seat-settings';
import { SeatSummary } from './seat-summary';

interface Props {
  accountId: string;
  search: SaasSearch;
  setSearch: SetSaasSearch;
}

// One account's unused seats: the counts, the N-days rule they follow, and the seats themselves.
export function SeatsTab({ accountId, search, setSearch }: Props) {
  return (
    <>
      <SeatSummary accountId={accountId} />
      <SeatSettings accountId={accountId} />
      <ReclaimableTable accountId={accountId} search={search} setSearch={setSearch} />
    </>
  );
}
