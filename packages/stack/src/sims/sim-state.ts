import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { StackEnv } from '../config/stack-env';

// The simulated world is a pure function of these values, so keeping them makes a restarted stack
// see the same Duo accounts, users, history and PSA companies (and the same credentials).
// Every install simulates the same MSP (as docker-compose does), so the README's tour finds what it describes.
export const DEMO_SEED = 'demo-3';

export const simStateSchema = z.object({
  seed: z.string().min(1),
  anchorTime: z.number().int().positive(),
  accounts: z.number().int().min(1),
  usersPerAccount: z.number().int().min(1),
  events: z.number().int().min(0),
});
export type SimState = z.infer<typeof simStateSchema>;

export function loadOrCreateSimState(
  path: string,
  env: StackEnv,
  now = Date.now(),
): { state: SimState; changedSettings: string[] } {
  const wanted = {
    accounts: env.SEATWISE_DEMO_ACCOUNTS,
    usersPerAccount: env.SEATWISE_DEMO_USERS,
    events: env.SEATWISE_DEMO_EVENTS,
  };
  const existing = read(path);
  if (existing) {
    const changed = (Object.keys(wanted) as (keyof typeof wanted)[]).filter((key) => existing[key] !== wanted[key]);
    return { state: existing, changedSettings: changed };
  }
  const state: SimState = { seed: DEMO_SEED, anchorTime: now, ...wanted };
  writeFileSync(path, `${JSON.stringify(state, null, 2)}\n`);
  return { state, changedSettings: [] };
}

function read(path: string): SimState | null {
  try {
    const parsed = simStateSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
