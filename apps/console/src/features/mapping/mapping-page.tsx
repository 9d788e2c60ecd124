import { PageHeader } from '../../shell/page-header';

export function MappingPage() {
  return <PageHeader title="Mapping" />;
}
