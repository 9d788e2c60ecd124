import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AutotaskInfo } from '../autotask/autotask-info';
import type { Truth } from '../data/truth';
import type { Engine } from '../http/pipeline';
import type { HaloInfo } from '../halopsa/halo-info';
import type { SimInfo } from '../info';

// What a client of this PSA needs to reach the simulator (CLI's first stdout line and GET /_sim/config).
export type ConnectWiseInfo = SimInfo & { mode: 'connectwise' };
// Each dialect declares its own info type; `mode` tells them apart.
export type ModeInfo = ConnectWiseInfo | HaloInfo | AutotaskInfo;

export function connectWiseInfo(info: ModeInfo): ConnectWiseInfo {
  if (info.mode !== 'connectwise') throw new Error(`the simulator speaks ${info.mode}, not connectwise`);
  return info;
}

export interface ModeServer {
  // One request to the simulated API (everything but /_sim/*).
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  info(url: string): ModeInfo;
  // The world as the PSA holds it now; a mode may add its own detail (e.g. units by date) beside `companies`.
  truth(): Truth;
}

export type ModeFactory = (engine: Engine) => ModeServer;
