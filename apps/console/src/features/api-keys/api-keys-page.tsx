import { PageHeader } from '../../shell/page-header';

export function ApiKeysPage() {
  return <PageHeader title="ApiKeys" />;
}
