import { sourceFiles } from '../__fixtures__/source-files';
import { RPC_NAMES } from './rpcs';

// Handlers are bound with @Rpc('<name>') in the apps' message controllers; the decorator's name is
// typed against the RPC map, and this spec checks the other direction across the apps: every RPC of the
// map has exactly one handler, and nothing registers a message pattern by hand.
const RPC_HANDLER = /@Rpc\(\s*'([^']+)'\s*\)/g;
const HAND_BOUND = /@(MessagePattern|EventPattern)\(/;

function appSources() {
  return sourceFiles().filter((file) => file.path.startsWith('apps/'));
}

describe('RPC handlers across the apps', () => {
  const handlers = new Map<string, string[]>();
  for (const file of appSources()) {
    for (const match of file.text.matchAll(RPC_HANDLER)) {
      const name = match[1]!;
      handlers.set(name, [...(handlers.get(name) ?? []), file.path]);
    }
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
