import { Writable } from 'node:stream';
import { printBanner } from './banner';
import { stackPaths } from './config/paths';

const KEY = `swa_${'k'.repeat(32)}`;
const file = {
  gatewayUrl: 'http://127.0.0.1:3000',
  adminApiKey: KEY,
  duoSimulatorUrl: 'http://127.0.0.1:3010',
  psaSimulatorUrl: 'http://127.0.0.1:3011',
  natsUrl: 'nats://127.0.0.1:4222',
  mongoUrl: 'mongodb://127.0.0.1:27017',
  mailInboxUrl: 'http://127.0.0.1:8025',
};

function banner(showKey: boolean, stack: Parameters<typeof printBanner>[0] = file): string {
  let text = '';
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  printBanner(stack, stackPaths(process.cwd(), undefined), { demo: true, showKey }, out);
  return text;
}

describe('the stack banner', () => {
  it('prints the admin key at the start that generated it', () => {
    expect(banner(true)).toContain(KEY);
  });

  it('says where the key is on later starts, never the key', () => {
    const later = banner(false);
    expect(later).not.toContain(KEY);
    expect(later).toContain('adminApiKey in .seatwise/stack.json');
  });

  it('names every gateway and NATS node when there are several (--replicas, --nats-cluster)', () => {
    const scaled = banner(false, {
      ...file,
      gatewayUrls: ['http://127.0.0.1:3000', 'http://127.0.0.1:3100'],
      natsUrl: 'nats://127.0.0.1:4223,nats://127.0.0.1:4224,nats://127.0.0.1:4225',
    });
    expect(scaled).toContain('  Gateway    http://localhost:3000\n');
    expect(scaled).toContain('  Also       http://localhost:3100  (more gateway replicas: the same console and API)');
    expect(scaled).toContain('  NATS       3 nodes: nats://127.0.0.1:4223,');
    expect(banner(false)).not.toMatch(/Also|NATS/);
  });
});
