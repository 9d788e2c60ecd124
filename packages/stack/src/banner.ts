import { isAbsolute, relative } from 'node:path';
import type { StackPaths } from './config/paths';
import type { StackFile } from './config/stack-file';

// Where the gateway serves its OpenAPI UI.
export const DOCS_PATH = '/api/docs';

// The admin key is printed only at the start that generated it (logs outlive terminals); later starts say where
// it is kept.
export function printBanner(
  file: StackFile,
  paths: StackPaths,
  { demo, showKey }: { demo: boolean; showKey: boolean },
  out: NodeJS.WriteStream = process.stdout,
): void {
  const gateway = file.gatewayUrl.replace('127.0.0.1', 'localhost');
  const near = relative(process.cwd(), paths.stackFile);
  const stackFile = near.startsWith('..') || isAbsolute(near) ? paths.stackFile : near;
  const lines = [
    '',
    'Seatwise is running.',
    `  Gateway    ${gateway}`,
    ...otherGateways(file),
    `  API docs   ${gateway}${DOCS_PATH}`,
    `  Mail inbox ${file.mailInboxUrl.replace('127.0.0.1', 'localhost')}  (alert emails)`,
    showKey
      ? `  Admin key  ${file.adminApiKey}  (printed this once; also adminApiKey in ${stackFile})`
      : `  Admin key  adminApiKey in ${stackFile} (printed only at the first start)`,
    `  Details    ${stackFile}`,
    `  Try        curl -H "Authorization: Bearer $(node -p 'require("./${stackFile}").adminApiKey')" ${gateway}/api/v1/services`,
    demo
      ? '  Demo mode: the simulated MSP is being connected; data fills up over the next minutes.'
      : '  Demo mode is off: connect Duo and ConnectWise through the API (see the README).',
    'Stop with Ctrl-C; data stays in the stack directory (`npm run stack -- --fresh` starts over).',
    '',
  ];
  out.write(`${lines.join('\n')}\n`);
}

// With several gateway replicas: every one serves the same console and API (one database, one bus), so any URL
// works; the first is the usual one. NATS nodes likewise, when the bus is a cluster.
function otherGateways(file: StackFile): string[] {
  const local = (url: string): string => url.replace('127.0.0.1', 'localhost');
  const others = (file.gatewayUrls ?? []).slice(1).map(local);
  const nats = file.natsUrl.split(',');
  return [
    ...(others.length === 0
      ? []
      : [`  Also       ${others.join(', ')}  (more gateway replicas: the same console and API)`]),
    ...(nats.length === 1 ? [] : [`  NATS       ${nats.length} nodes: ${nats.join(', ')}`]),
  ];
}
