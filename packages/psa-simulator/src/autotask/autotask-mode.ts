import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../http/pipeline';
import { createAtServer, handleAtRequest } from './at-pipeline';
import { autotaskTruth, type AutotaskTruth } from './at-truth';
import { autotaskInfo, type AutotaskInfo } from './autotask-info';

// The Autotask dialect of the shared world (a ModeServer; modes/registry.ts registers it). The type is spelled
// out here rather than imported from modes/, which imports this folder's info type.
export function autotaskMode(engine: Engine): {
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  info: (url: string) => AutotaskInfo;
  truth: () => AutotaskTruth;
} {
  const server = createAtServer(engine);
  return {
    handle: (req, res) => handleAtRequest(engine, server, req, res),
    info: (url) => autotaskInfo(url, engine.world.credentials),
    truth: () => autotaskTruth(server.state),
  };
}
