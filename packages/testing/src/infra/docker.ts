import { existsSync } from 'node:fs';

let answer: Promise<boolean> | null = null;

// True when a Docker engine answers. The cheap socket check comes first so machines without Docker
// do not wait for testcontainers to try every runtime strategy.
export function dockerAvailable(): Promise<boolean> {
  answer ??= probe();
  return answer;
}

async function probe(): Promise<boolean> {
  if (process.env['SEATWISE_TEST_INFRA'] === 'local') return false;
  if (!process.env['DOCKER_HOST'] && !existsSync('/var/run/docker.sock')) return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}
