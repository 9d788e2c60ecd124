import { PageHeader } from '../../shell/page-header';

export function SaasPage() {
  return <PageHeader title="Saas" />;
}
