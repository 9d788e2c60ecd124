// The console's sections, in the order of the work: connect, map, review; then explore and administer.
export interface NavItem {
  to: '/' | '/integrations' | '/mapping' | '/reconciliation' | '/saas' | '/alerts' | '/audit' | '/api-keys';
  label: string;
  adminOnly?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'Overview' },
  { to: '/integrations', label: 'Integrations' },
  { to: '/mapping', label: 'Mapping' },
  { to: '/reconciliation', label: 'Reconciliation' },
  { to: '/saas', label: 'SaaS' },
  { to: '/alerts', label: 'Alerts' },
  { to: '/audit', label: 'Audit log' },
  { to: '/api-keys', label: 'API keys', adminOnly: true },
];
