import type { Integration, IntegrationReport } from './duo-queries';

export type IntegrationKind = Integration['kind'];
export type DuoPermission = IntegrationReport['validation']['missing'][number];

export const KIND_LABELS: Record<IntegrationKind, string> = { admin: 'Admin API', accounts: 'Accounts API' };

// One line each, so the user picks the application type they created in Duo.
export const KIND_DESCRIPTIONS: Record<IntegrationKind, string> = {
  admin: 'One Duo account: reads its users, authentication log and billable seats.',
  accounts: 'An MSP parent account: finds every child account and polls each of them.',
};

// The names the Duo Admin Panel gives these permissions, so the user can find the boxes to tick.
export const PERMISSION_LABELS: Record<DuoPermission, string> = {
  readInformation: 'Grant read information',
  readLog: 'Grant read log',
  readResource: 'Grant read resource',
};
