// Every query key the console uses, by the server resource it caches: mutations and the live event stream
// invalidate by these prefixes, so a key is never spelled twice.
export const queryKeys = {
  session: ['session'] as const,
  integrations: ['integrations'] as const,
  accounts: ['accounts'] as const,
  psa: ['psa'] as const,
  mappings: ['mappings'] as const,
  reconciliation: ['reconciliation'] as const,
  reconciliationList: ['reconciliation', 'list'] as const,
  audit: ['audit'] as const,
  discovery: ['discovery'] as const,
  apiKeys: ['api-keys'] as const,
};
