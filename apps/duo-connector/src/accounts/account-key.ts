// A Duo account, always addressed by (integrationId, accountId): an account id alone is not unique
// across integrations (an MSP may reach one account both directly and through its parent).
export interface AccountKey {
  integrationId: string;
  accountId: string;
}

// The key as one string: the account's row id, and the name of its jobs, locks and log lines.
export const accountKeyId = (key: AccountKey): string => `${key.integrationId}:${key.accountId}`;
