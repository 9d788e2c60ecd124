import { truthOf } from '../data/truth';
import { handleCwRequest } from '../http/pipeline';
import { buildInfo } from '../info';
import type { ModeFactory } from './psa-mode';

export const connectWiseMode: ModeFactory = (engine) => ({
  handle: (req, res) => handleCwRequest(engine, req, res),
  info: (url) => ({ mode: 'connectwise', ...buildInfo(url, engine.world.credentials) }),
  truth: () => truthOf(engine.world),
});
