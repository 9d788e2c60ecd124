import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { USAGE as DUO_SIM_USAGE } from '@seatwise/duo-simulator/cli-args';
import { USAGE as PSA_SIM_USAGE } from '@seatwise/psa-simulator/cli-args';
import { repoRoot } from '../config/paths';
import { demoEnvSchema } from '../demo/demo-env';
import { APPS } from '../services/app-specs';
import { type ComposeService, readComposeFile } from './compose-file';
import { secretsEnvFile } from './write-secrets';

const root = repoRoot(__dirname);
const compose = readComposeFile(root);
const SOURCES_SECRETS = 'set -a && . /secrets/stack.env && set +a && exec ';

function service(name: string): ComposeService {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
}

// What a service's process sees: its environment plus, when its command sources it, the secrets file.
function effectiveEnv(svc: ComposeService): Record<string, string> {
  const script = svc.command?.join(' ') ?? '';
  const secrets =
    script.includes(SOURCES_SECRETS) && svc.volumes.some((v) => v.startsWith('secrets:/secrets'))
      ? Object.fromEntries(
          secretsEnvFile()
            .trim()
            .split('\n')
            .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
        )
      : {};
  return { ...svc.environment, ...secrets };
}

// The source file behind a `node <path>/dist/<file>.js` in a command.
function entrySource(svc: ComposeService): string {
  const match = /node ((?:apps|packages)\/[\w-]+)\/dist\/([\w/-]+)\.js/.exec(svc.command?.join(' ') ?? '');
  if (!match?.[1] || !match[2]) throw new Error(`no node entry point in ${JSON.stringify(svc.command)}`);
  return join(root, match[1], 'src', `${match[2]}.ts`);
}

describe('docker-compose.yml', () => {
  it('runs NATS, MongoDB, the four services, both simulators, the secrets generator and the demo', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'alerts',
      'demo',
      'discovery',
      'duo-connector',
      'duo-sim',
      'gateway',
      'mailpit',
      'mongo',
      'nats',
      'psa-sim',
      'reconcile',
      'secrets',
    ]);
    expect(service('gateway').ports).toContain('3000:3000');
  });

  it.each(APPS.map((app) => [app.dir, app] as const))('gives %s an environment its env schema accepts', (dir, app) => {
    const svc = service(dir);
    expect(existsSync(entrySource(svc))).toBe(true);
    expect(entrySource(svc)).toBe(join(root, 'apps', dir, 'src', 'main.ts'));
    const unknown = Object.keys(svc.environment).filter((key) => !(key in app.schema.shape) && key !== 'NODE_OPTIONS');
    expect(unknown).toEqual([]);
    const parsed = app.schema.safeParse(effectiveEnv(svc));
    expect(parsed.error?.issues ?? []).toEqual([]);
    // The health check probes the port the service listens on.
    expect(svc.healthcheck?.test.join(' ')).toContain(`http://127.0.0.1:${svc.environment['PORT'] ?? ''}/health/ready`);
    expect(svc.depends_on['secrets']?.condition).toBe('service_completed_successfully');
  });

  it('gives the demo service what it needs, pointing at the compose services', () => {
    const demo = service('demo');
    expect(existsSync(entrySource(demo))).toBe(true);
    const env = demoEnvSchema.parse(effectiveEnv(demo));
    expect(new URL(env.SEATWISE_GATEWAY_URL).host).toBe('gateway:3000');
    expect(new URL(env.SEATWISE_DUO_SIM_URL).host).toBe('duo-sim:3010');
    expect(new URL(env.SEATWISE_PSA_SIM_URL).host).toBe('psa-sim:3011');
    expect(Object.keys(demo.depends_on).sort()).toEqual(['duo-sim', 'gateway', 'psa-sim']);
  });

  it.each([
    ['duo-sim', DUO_SIM_USAGE, 3010],
    ['psa-sim', PSA_SIM_USAGE, 3011],
  ] as const)('starts %s with flags its CLI knows', (name, usage, port) => {
    const svc = service(name);
    const script = svc.command?.join(' ') ?? '';
    expect(existsSync(entrySource(svc))).toBe(true);
    const flags = [...script.matchAll(/(--[a-z][a-z0-9-]*)/g)].map((m) => m[1]);
    expect(flags.length).toBeGreaterThan(3);
    for (const flag of flags) expect(usage).toContain(`${flag ?? ''} `.trimEnd());
    expect(script).toContain(`--port ${port}`);
    expect(svc.ports).toContain(`${port}:${port}`);
    // Every shell variable the command reads is set in its environment.
    for (const [, variable] of script.matchAll(/\$([A-Z_]+)/g)) {
      expect(Object.keys(svc.environment)).toContain(variable);
    }
  });
});
