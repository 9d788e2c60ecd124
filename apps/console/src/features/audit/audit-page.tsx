import { PageHeader } from '../../shell/page-header';

export function AuditPage() {
  return <PageHeader title="Audit" />;
}
