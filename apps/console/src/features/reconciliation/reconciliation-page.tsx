import { PageHeader } from '../../shell/page-header';

export function ReconciliationPage() {
  return <PageHeader title="Reconciliation" />;
}
