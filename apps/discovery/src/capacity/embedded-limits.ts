// How much inventory the embedded database (FerretDB 1.x on SQLite) answers the console's queries for in time, and
// what a given inventory exceeds. Its costs are per document read (about 0.28 ms on 2 cores, measured by the MSP
// bench, README "What the embedded database serves"): an account's screens read that account's documents (a
// service's users among the account's users, its users list one packed document and then a page), the overview one
// packed document of service figures and one usage state per account. Beyond these a screen takes over a second,
// and MongoDB (indexed ranges) is the server to move to.

export interface InventorySize {
  accounts: number;
  users: number;
  services: number;
  // The account with the most users (null: no account yet).
  largest: { accountId: string; users: number } | null;
}

export interface EmbeddedLimits {
  // Services of all accounts together: the cross-account overview reads each one's figures.
  services: number;
  // Users of one account: its screens read its users' usage rows and its users list each one's row.
  accountUsers: number;
}

// One sentence per limit the inventory is over (none: within the embedded server's reach).
export function exceeded(size: InventorySize, limits: EmbeddedLimits): string[] {
  const reasons: string[] = [];
  if (size.services > limits.services) {
    reasons.push(
      `${size.services} services across ${size.accounts} accounts (the embedded server's limit is ${limits.services})`,
    );
  }
  if (size.largest && size.largest.users > limits.accountUsers) {
    reasons.push(
      `account ${size.largest.accountId} has ${size.largest.users} users (the embedded server's limit is ${limits.accountUsers} per account)`,
    );
  }
  return reasons;
}
