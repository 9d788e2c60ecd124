import { connectWiseMode } from './connectwise-mode';
import type { PsaSimMode } from './mode-names';
import type { ModeFactory } from './psa-mode';

// Each PSA dialect registers here, one line each.
export const MODES: Partial<Record<PsaSimMode, ModeFactory>> = {
  connectwise: connectWiseMode,
};
