import type { AccountKey } from '../accounts/account-key';
import type { DuoClient } from '../duo/duo-client';

// Everything needed to poll one Duo account: its key, and a client already pointed at its API host
// (a child account is reached with the parent's keys on the child's host, plus account_id).
export interface AccountTarget {
  key: AccountKey;
  client: DuoClient;
  // account_id parameter for child accounts; undefined for an account's own Admin API integration.
  accountParam: string | undefined;
}
