import type { Supervisor } from '../process/supervisor';
import { type DuoSimInfo, duoSimInfoSchema, parseInfo, type PsaSimInfo, psaSimInfoSchema } from '../demo/sim-info';
import { duoSimSpec, psaSimSpec } from './sim-specs';
import type { SimState } from './sim-state';

export interface Simulators {
  duo: DuoSimInfo;
  psa: PsaSimInfo;
}

const SIM_TIMEOUT_MS = 60_000;

// Each simulator prints its info JSON as its first stdout line once it listens.
export async function startSimulators(
  supervisor: Supervisor,
  root: string,
  state: SimState,
  ports: { duo: number; psa: number },
  live: boolean,
  say: (line: string) => void,
): Promise<Simulators> {
  const crashed = supervisor.firstUnexpectedExit();
  const duo = firstLine((onLine) =>
    supervisor.start(
      duoSimSpec(
        { cli: require.resolve('@seatwise/duo-simulator/cli'), port: ports.duo, cwd: root, onStdout: onLine },
        state,
        live,
      ),
    ),
  );
  const psa = firstLine((onLine) =>
    supervisor.start(
      psaSimSpec(
        { cli: require.resolve('@seatwise/psa-simulator/cli'), port: ports.psa, cwd: root, onStdout: onLine },
        state,
      ),
    ),
  );
  const timeout = new Promise<never>((_, reject) => {
    setTimeout(() => {
      reject(new Error(`the simulators did not print their info within ${SIM_TIMEOUT_MS / 1000}s`));
    }, SIM_TIMEOUT_MS).unref();
  });
  const [duoLine, psaLine] = await Promise.race([Promise.all([duo, psa]), crashed, timeout]);
  const sims = {
    duo: parseInfo(duoLine, duoSimInfoSchema, 'duo-sim'),
    psa: parseInfo(psaLine, psaSimInfoSchema, 'psa-sim'),
  };
  say(
    `Duo simulator at ${sims.duo.url}: ${sims.duo.accounts.length} accounts (${sims.duo.accounts.map((a) => a.name).join(', ')})`,
  );
  say(`ConnectWise simulator at ${sims.psa.url} (company id ${sims.psa.companyId})`);
  return sims;
}

function firstLine(start: (onLine: (line: string) => boolean) => void): Promise<string> {
  return new Promise((resolve) => {
    let seen = false;
    start((line) => {
      if (seen) return false;
      seen = true;
      resolve(line);
      return true;
    });
  });
}
