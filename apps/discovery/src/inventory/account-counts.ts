// Every account or one: the account summary is the one explicitly cross-tenant read.
export interface AccountsScope {
  accountId?: string;
}
