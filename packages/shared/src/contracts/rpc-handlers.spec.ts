import { sourceFiles } from '../__fixtures__/source-files';
import { RPC_NAMES } from './rpcs';

// Handlers are bound with @Rpc('<name>') in the apps' message controllers; the decorator's name is
// typed against the RPC map, and this spec checks the other direction across the apps: every RPC of the
// map has exactly one handler, and nothing registers a message pattern by hand. `<service>.health` is
// served by the platform for each app whose service definition says `rpc: true`.
const RPC_HANDLER = /@Rpc\(\s*'([^']+)'\s*\)/g;
const RPC_SERVICE = /name: '([a-z-]+)',[\s\S]*\brpc: true\b/;
const HAND_BOUND = /@(MessagePattern|EventPattern)\(/;

function appSources() {
  return sourceFiles().filter((file) => file.path.startsWith('apps/'));
}

describe('RPC handlers across the apps', () => {
  const handlers = new Map<string, string[]>();
  const serve = (name: string, path: string): void => {
    handlers.set(name, [...(handlers.get(name) ?? []), path]);
  };
  for (const file of appSources()) {
    for (const match of file.text.matchAll(RPC_HANDLER)) serve(match[1]!, file.path);
    const rpcService = file.path.endsWith('/src/service.ts') ? RPC_SERVICE.exec(file.text) : null;
    if (rpcService) serve(`${rpcService[1]!}.health`, file.path);
  }

  it('serve every RPC of the map exactly once', () => {
    const counts = Object.fromEntries(RPC_NAMES.map((name) => [name, handlers.get(name)?.length ?? 0]));
    expect(counts).toEqual(Object.fromEntries(RPC_NAMES.map((name) => [name, 1])));
  });

  it('serve no name outside the map', () => {
    const known = new Set<string>(RPC_NAMES);
    expect([...handlers.keys()].filter((name) => !known.has(name))).toEqual([]);
  });

  it('are all bound with @Rpc, never with a hand-written pattern', () => {
    expect(
      appSources()
        .filter((file) => HAND_BOUND.test(file.text))
        .map((file) => file.path),
    ).toEqual([]);
  });
});
