import { Writable } from 'node:stream';
import { createLogger } from './logger';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('logger', () => {
  it('redacts secrets wherever they appear', () => {
    const { lines, stream } = capture();
    const logger = createLogger('spec', 'info', stream);
    logger.info(
      {
        secretKey: 's1',
        integration: { skey: 's2', name: 'ok' },
        headers: { authorization: 'Basic s3' },
        list: [{ privateKey: 's4' }],
      },
      'hello',
    );
    const line = lines.join('');
    for (const secret of ['s1', 's2', 'Basic s3', 's4']) expect(line).not.toContain(`"${secret}"`);
    expect(line).toContain('"name":"ok"');
    expect(line).toContain('[redacted]');
  });
});
