import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { distFile, kb, scriptSizes } from './script-sizes';

let dist: string;

beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'console-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'assets', 'a.js'), 'export const a = 1;\n'.repeat(200));
  writeFileSync(join(dist, 'assets', 'b.js'), 'console.log("b");\n');
});

afterEach(() => {
  rmSync(dist, { recursive: true, force: true });
});

describe('scriptSizes', () => {
  it('adds up the raw and level-9 gzipped sizes of each file once, largest first', () => {
    const a = Buffer.from('export const a = 1;\n'.repeat(200));
    const b = Buffer.from('console.log("b");\n');
    const sizes = scriptSizes(dist, ['/assets/b.js', '/assets/a.js', '/assets/b.js']);
    const gzA = gzipSync(a, { level: 9 }).length;
    const gzB = gzipSync(b, { level: 9 }).length;
    expect(sizes.files).toEqual([
      { path: '/assets/a.js', rawBytes: a.length, gzipBytes: gzA },
      { path: '/assets/b.js', rawBytes: b.length, gzipBytes: gzB },
    ]);
    expect(sizes.rawBytes).toBe(a.length + b.length);
    expect(sizes.gzipBytes).toBe(gzA + gzB);
  });

  it('refuses a path outside the dist folder and names a file the build does not have', () => {
    expect(() => distFile(dist, '/../../etc/passwd')).toThrow('is not a file of');
    expect(() => distFile(dist, '/assets/%2e%2e/%2e%2e/x.js')).toThrow('is not a file of');
    expect(() => distFile(dist, '/assets/gone.js')).toThrow('is the build stale?');
  });

  it('rounds kilobytes to one decimal', () => {
    expect(kb(1536)).toBe(1.5);
    expect(kb(300 * 1024)).toBe(300);
  });
});
