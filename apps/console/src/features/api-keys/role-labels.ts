import type { ApiKeyRole } from './api-keys-queries';

// Every role the API knows, with what it may do (a Record, so a new role does not compile until named here).
export const ROLE_LABELS: Record<ApiKeyRole, string> = {
  admin: 'Admin: reads and changes everything, manages API keys',
  viewer: 'Viewer: reads everything, changes nothing',
};

export const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as ApiKeyRole[]).map((role) => ({
  value: role,
  label: ROLE_LABELS[role],
}));
