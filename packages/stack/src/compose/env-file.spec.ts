import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatEnvFile, parseEnvFile } from './env-file';

describe('env files', () => {
  const values = {
    MONGO_URL: 'mongodb://gateway:p%40ss@mongo:27017/seatwise_gateway?authSource=seatwise_gateway&tls=false',
    GATEWAY_SEALING_PUBLIC_KEYS: 'duo-connector:ab+/cd=,reconcile:ef==',
    ODD: 'a $HOME `id` * "quoted" \\ ;',
  };

  it('are read by sh, as compose commands source them, exactly as written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seatwise-env-file-'));
    try {
      const file = join(dir, 'service.env');
      writeFileSync(file, formatEnvFile(values));
      const script = `set -a && . ${file} && set +a && exec node -e 'process.stdout.write(JSON.stringify(process.env))'`;
      const seen = JSON.parse(
        execFileSync('sh', ['-c', script], { env: { PATH: process.env['PATH'] } }).toString(),
      ) as Record<string, string>;
      expect(seen).toMatchObject(values);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('round-trip, and read the unquoted lines of an older stack.env', () => {
    expect(parseEnvFile(formatEnvFile(values))).toEqual(values);
    expect(parseEnvFile('A=k1:abc=\n# note\nB=\n\nC=x=y\n')).toEqual({ A: 'k1:abc=', B: '', C: 'x=y' });
  });

  it('refuse a value the shell would read differently', () => {
    expect(() => formatEnvFile({ A: "it's" })).toThrow(/quote/);
    expect(() => formatEnvFile({ A: 'two\nlines' })).toThrow(/line break/);
    expect(() => formatEnvFile({ 'bad-name': 'x' })).toThrow(/not an environment variable/);
  });
});
