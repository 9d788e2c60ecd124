import { generateSealingKeys, sealingEnv } from '@seatwise/shared/crypto/sealing-keys';

// One set of sealing keys per test process, as a deployment has: every service that stores secrets gets its private
// key, the gateway every public key (each reads only what its env declares).
export const SEALING_ENV = sealingEnv(generateSealingKeys());
