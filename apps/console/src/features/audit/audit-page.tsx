import { getRouteApi } from '@tanstack/react-router';
import { PageHeader } from '../../shell/page-header';
import { CsvLink } from '../../ui/csv-link';
import { AuditFilters } from './audit-filters';
import type { AuditSearch } from './audit-search';
import { AuditTable } from './audit-table';

const route = getRouteApi('/audit');

export function AuditPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  // Filters replace the history entry: Back leaves the page rather than stepping through keystrokes.
  const setSearch = (next: AuditSearch) => void navigate({ search: next, replace: true });
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every decision, mapping change, connection change and push, newest first."
        actions={<CsvLink path="/api/v1/audit" params={{ ...search }} label="the audit log" />}
      />
      <AuditFilters search={search} onChange={setSearch} />
      <AuditTable search={search} onTarget={(targetId) => setSearch({ ...search, targetId })} />
    </>
  );
}
