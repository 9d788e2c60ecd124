import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeExecutable } from './__fixtures__/executable';
import { builtFerretdbPath, ferretdbBuild } from './ferretdb-build';

describe('FerretDB build', () => {
  it('runs the provisioning script of the repo when Go is installed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seatwise-go-'));
    try {
      writeExecutable(join(dir, 'go'));
      const root = resolve(__dirname, '..', '..', '..');
      const build = ferretdbBuild(root, { PATH: dir, SEATWISE_CACHE_DIR: dir });
      expect(build?.command).toBe('bash');
      expect(build?.args).toEqual([join(root, '.ci', 'provision-ferretdb.sh')]);
      expect(existsSync(build?.args[0] ?? '')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes the absolute path the script prints on stdout, and nothing else', () => {
    expect(builtFerretdbPath('/home/me/.cache/seatwise/bin/ferretdb\n')).toBe('/home/me/.cache/seatwise/bin/ferretdb');
    expect(builtFerretdbPath('go: downloading github.com/FerretDB/FerretDB v1.24.2')).toBeNull();
    expect(builtFerretdbPath('')).toBeNull();
  });
});
