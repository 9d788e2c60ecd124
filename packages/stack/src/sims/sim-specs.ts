import type { ChildSpec } from '../process/supervised-child';
import type { SimState } from './sim-state';

// Demo-friendly pacing: Duo's default 2 log requests per minute per account would make a fresh
// stack take many minutes to backfill; the connector still paces itself (CONNECTOR_LOGS_PER_MINUTE).
const DUO_LOG_REQUESTS_PER_MINUTE = 120;
// Live events at this multiple of the history's average rate, so new activity shows within minutes.
// The history is pinned to the first start, so a stack restarted after a pause also sees the events of
// the pause at this rate; a higher speed would flood it after a long one.
const LIVE_SPEED = 60;

interface SimLaunch {
  cli: string;
  port: number;
  cwd: string;
  onStdout: (line: string) => boolean;
}

export function duoSimSpec(launch: SimLaunch, state: SimState, live: boolean): ChildSpec {
  const flags = {
    seed: state.seed,
    accounts: String(state.accounts),
    users: String(state.usersPerAccount),
    events: String(state.events),
    'history-days': '30',
    'anchor-time': String(state.anchorTime),
    'rate-logs': String(DUO_LOG_REQUESTS_PER_MINUTE),
  };
  // --demo: the demo MSP's features (data/demo-msp.ts in the Duo simulator), whether Seatwise is seeded or not, so the
  // simulated world does not change with SEATWISE_DEMO.
  return simSpec('duo-sim', launch, flags, ['--demo', ...(live ? ['--live', '--speed', String(LIVE_SPEED)] : [])]);
}

export function psaSimSpec(launch: SimLaunch, state: SimState): ChildSpec {
  const flags = {
    seed: state.seed,
    'duo-seed': state.seed,
    'duo-accounts': String(state.accounts),
    'duo-users': String(state.usersPerAccount),
    'anchor-time': String(state.anchorTime),
  };
  // --demo: companies arranged for the tour around the Duo simulator's demo MSP (data/demo-companies.ts there).
  return simSpec('psa-sim', launch, flags, ['--demo']);
}

// A simulator as a supervised child on loopback, its options given as `--name value` flags.
function simSpec(name: string, launch: SimLaunch, flags: Record<string, string>, extra: string[]): ChildSpec {
  const options = Object.entries(flags).flatMap(([flag, value]) => [`--${flag}`, value]);
  return {
    name,
    tier: 1,
    cwd: launch.cwd,
    env: { PATH: process.env['PATH'] },
    command: process.execPath,
    args: [launch.cli, '--host', '127.0.0.1', '--port', String(launch.port), ...options, ...extra],
    onStdout: launch.onStdout,
  };
}
