// How discovery replicas share the accounts (#18). Constants rather than env: the env schema lives in the shared
// package; a spec that needs other values provides OWNERSHIP_OPTIONS.
export interface OwnershipOptions {
  // Partition leases (accounts hashed into them); at most this many replicas get a share.
  partitions: number;
  // A partition lease's term; rounds run every third of it, and a dead replica's partitions move within two terms.
  leaseMs: number;
  // How long a message of a partition another replica holds waits before it is delivered again (to any replica).
  handBackMs: number;
}

export const OWNERSHIP_OPTIONS = Symbol('OWNERSHIP_OPTIONS');

export const DEFAULT_OWNERSHIP: OwnershipOptions = { partitions: 8, leaseMs: 15_000, handBackMs: 2_000 };
