import type { IncomingMessage, ServerResponse } from 'node:http';
import { truthOf, type Truth } from '../data/truth';
import type { Engine } from '../http/pipeline';
import { haloInfo, type HaloInfo } from './halo-info';
import { handleHaloRequest } from './halo-pipeline';
import { TokenStore } from './halo-tokens';

// The HaloPSA dialect of the one world. Typed structurally (not as modes/ModeFactory) so this folder does not
// import modes/, which imports HaloInfo from here.
export function haloMode(engine: Engine): {
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  info: (url: string) => HaloInfo;
  truth: () => Truth;
} {
  const tokens = new TokenStore();
  return {
    handle: (req, res) => handleHaloRequest(engine, tokens, req, res),
    info: (url) => haloInfo(url, engine.world.credentials),
    truth: () => truthOf(engine.world),
  };
}
