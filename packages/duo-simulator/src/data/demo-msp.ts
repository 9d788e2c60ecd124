import type { ExtraIntegration } from '../options';
import type { EDITIONS } from './catalog';

// The stack's demo MSP (option `demo`): a few deliberate features on top of the seeded world, so that Seatwise's
// tour has something to show. The PSA simulator reads them through this generator (same options, same world) and
// arranges its companies and agreements around them.

/** An MSP resells paid editions: no child on Duo Free. */
export const DEMO_EDITIONS: readonly (typeof EDITIONS)[number][] = ['ENTERPRISE', 'PLATFORM', 'BEYOND'];

// The fourth child (so that smaller demos keep their first three for the billing cases) is one whose edition
// Duo's billing API does not expose: Seatwise cannot tell which SKU its seats are.
const EDITION_HIDDEN_INDEX = 3;

/** Child accounts (indexes) whose billing edition is not exposed. */
export function demoEditionHidden(accounts: number): number[] {
  return accounts > EDITION_HIDDEN_INDEX ? [EDITION_HIDDEN_INDEX] : [];
}

/**
 * The customer's own Admin API application on the last child, created without "Grant read resource": connecting
 * it works, but the permission probe reports the missing grant and its users cannot be read.
 */
export function demoExtraIntegrations(accounts: number): ExtraIntegration[] {
  return [{ type: 'admin', account: accounts - 1, permissions: ['read_information', 'read_log'] }];
}
