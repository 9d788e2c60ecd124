import { PageHeader } from '../../shell/page-header';

export function IntegrationsPage() {
  return <PageHeader title="Integrations" />;
}
