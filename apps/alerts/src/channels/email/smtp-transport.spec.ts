import { envSchema } from '@seatwise/shared/config/alerts-env';
import { parseEnv } from '@seatwise/shared/config/env';
import { AppError } from '@seatwise/shared/errors/app-error';
import { SmtpTransport } from './smtp-transport';

const base = {
  NATS_URL: 'nats://127.0.0.1:4222',
  MONGO_URL: 'mongodb://127.0.0.1:27017',
  PORT: '0',
  SEATWISE_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
};

describe('SMTP transport configuration', () => {
  it.each([{ ALERTS_SMTP_USER: 'alerts' }, { ALERTS_SMTP_PASSWORD: 'pw' }])(
    'refuses a user without a password or the reverse (%j) with CONFIG.INVALID',
    (partial) => {
      const env = parseEnv(envSchema, { ...base, ...partial });
      expect(() => new SmtpTransport(env)).toThrow(AppError);
      expect(() => new SmtpTransport(env)).toThrow(/set together or not at all/);
    },
  );

  it('accepts both or neither', () => {
    for (const extra of [{}, { ALERTS_SMTP_USER: 'alerts', ALERTS_SMTP_PASSWORD: 'pw' }]) {
      const env = parseEnv(envSchema, { ...base, ...extra });
      expect(() => {
        new SmtpTransport(env).onModuleDestroy();
      }).not.toThrow();
    }
  });
});
