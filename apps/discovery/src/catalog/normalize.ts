// Words admins append to an application's name in Duo that say how it is reached or which instance
// it is, not what it is: "Okta SSO", "Salesforce - Production", "Acme Inc".
const NOISE_SUFFIXES = new Set([
  'sso',
  'saml',
  'saml2',
  'oidc',
  'oauth',
  'login',
  'signin',
  'idp',
  'mfa',
  'duo',
  'inc',
  'llc',
  'ltd',
  'corp',
  'co',
  'gmbh',
  'prod',
  'production',
  'prd',
  'staging',
  'stage',
  'dev',
  'test',
  'uat',
  'sandbox',
  'qa',
]);

// Lower-case, parenthesised parts dropped ("Microsoft 365 (Entra ID)"), noise words dropped from the
// end, then only letters and digits kept: "Salesforce - Production" → "salesforce".
export function normalizeName(name: string): string {
  const tokens = name
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
  while (tokens.length > 1 && NOISE_SUFFIXES.has(tokens[tokens.length - 1] ?? '')) tokens.pop();
  return tokens.join('');
}
