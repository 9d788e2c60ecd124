import { PageHeader } from '../../shell/page-header';

export function OverviewPage() {
  return <PageHeader title="Overview" />;
}
