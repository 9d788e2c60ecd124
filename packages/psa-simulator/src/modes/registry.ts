import { autotaskMode } from '../autotask/autotask-mode';
import { connectWiseMode } from './connectwise-mode';
import { haloMode } from '../halopsa/halo-mode';
import type { PsaSimMode } from './mode-names';
import type { ModeFactory } from './psa-mode';

// Each PSA dialect registers here, one line each.
export const MODES: Record<PsaSimMode, ModeFactory> = {
  connectwise: connectWiseMode,
  halopsa: haloMode,
  autotask: autotaskMode,
};
