import { parseCliArgs as duoCliArgs } from '@seatwise/duo-simulator/cli-args';
import type { Faults } from '@seatwise/duo-simulator/options';
import { type DuoSimulator, startDuoSimulator } from '@seatwise/duo-simulator/server';
import { parseCliArgs as psaCliArgs } from '@seatwise/psa-simulator/cli-args';
import { type PsaSimulator, startPsaSimulator } from '@seatwise/psa-simulator/server';
import { type DuoSimInfo, duoSimInfoSchema, type PsaSimInfo, psaSimInfoSchema } from '../demo/sim-info';
import { duoSimSpec, psaSimSpec } from '../sims/sim-specs';
import type { SimState } from '../sims/sim-state';

export interface FaultSims {
  duo: DuoSimulator;
  psa: PsaSimulator;
  duoInfo: DuoSimInfo;
  psaInfo: PsaSimInfo;
  close(): Promise<void>;
}

// Both simulators with exactly the flags the stack starts them with (sim-specs, live events off), but in this
// process: the Duo simulator counts the requests it served only in memory (served()), and the fault run compares
// those counts between runs. duoFaults are the Duo simulator's injected faults (a share of 429s).
export async function startFaultSims(
  root: string,
  state: SimState,
  ports: { duo: number; psa: number },
  duoFaults: Faults,
): Promise<FaultSims> {
  const launch = (port: number) => ({ cli: 'in-process', port, cwd: root, onStdout: () => false });
  // args[0] is the simulator's script; the rest are its flags.
  const duoArgs = duoSimSpec(launch(ports.duo), state, false).args.slice(1);
  const psaArgs = psaSimSpec(launch(ports.psa), state).args.slice(1);
  const duo = await startDuoSimulator({ ...duoCliArgs(duoArgs), faults: duoFaults });
  const psa = await startPsaSimulator(psaCliArgs(psaArgs)).catch(async (error: unknown) => {
    await duo.close();
    throw error;
  });
  return {
    duo,
    psa,
    // The same info the simulators print as their first line when the stack starts them.
    duoInfo: duoSimInfoSchema.parse(JSON.parse(JSON.stringify(duo.info))),
    psaInfo: psaSimInfoSchema.parse(JSON.parse(JSON.stringify(psa.info))),
    close: async () => {
      await Promise.all([duo.close(), psa.close()]);
    },
  };
}
