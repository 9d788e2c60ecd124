import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { writeExecutable } from './__fixtures__/executable';
import { findBinary, seatwiseCacheBin } from './binaries';

describe('findBinary', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'seatwise-binaries-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('returns the first executable of that name on PATH', () => {
    const first = writeExecutable(join(dir, 'a', 'seatwise-test-tool'));
    writeExecutable(join(dir, 'b', 'seatwise-test-tool'));
    const env = { PATH: [join(dir, 'a'), join(dir, 'b')].join(delimiter), SEATWISE_CACHE_DIR: join(dir, 'cache') };
    expect(findBinary('seatwise-test-tool', env)).toBe(first);
  });

  it('passes over a file that is not executable', () => {
    writeExecutable(join(dir, 'a', 'seatwise-test-tool'), 0o644);
    const runnable = writeExecutable(join(dir, 'b', 'seatwise-test-tool'));
    const env = { PATH: [join(dir, 'a'), join(dir, 'b')].join(delimiter), SEATWISE_CACHE_DIR: join(dir, 'cache') };
    expect(findBinary('seatwise-test-tool', env)).toBe(runnable);
  });

  it('looks in the Seatwise cache after PATH, where provisioned FerretDB lives', () => {
    const env = { PATH: join(dir, 'empty'), SEATWISE_CACHE_DIR: join(dir, 'cache') };
    expect(seatwiseCacheBin(env)).toBe(join(dir, 'cache', 'bin'));
    expect(findBinary('seatwise-test-tool', env)).toBeNull();
    const cached = writeExecutable(join(dir, 'cache', 'bin', 'seatwise-test-tool'));
    expect(findBinary('seatwise-test-tool', env)).toBe(cached);
  });
});
