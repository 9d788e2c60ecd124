import { baseEnvSchema, ConfigError, parseEnv } from './env';

const good = {
  PORT: '3000',
  NATS_URL: 'nats://127.0.0.1:4222',
  MONGO_URL: 'mongodb://127.0.0.1:27017',
  MONGO_DB: 'seatwise',
};

describe('parseEnv', () => {
  it('parses and applies defaults', () => {
    expect(parseEnv(baseEnvSchema, good)).toEqual({
      ...good,
      PORT: 3000,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      HOST: '0.0.0.0',
      SEATWISE_BUS_PREFIX: 'seatwise',
    });
  });

  it('accepts several NATS servers', () => {
    expect(parseEnv(baseEnvSchema, { ...good, NATS_URL: 'nats://a:4222,nats://b:4222' }).NATS_URL).toBe(
      'nats://a:4222,nats://b:4222',
    );
  });

  it('lists every bad key at once', () => {
    let error: unknown;
    try {
      parseEnv(baseEnvSchema, {
        PORT: '99999',
        NATS_URL: 'http://x',
        LOG_LEVEL: 'loud',
        SEATWISE_BUS_PREFIX: 'Bad.Prefix',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const config = error as ConfigError;
    expect(config.code).toBe('CONFIG.INVALID');
    expect(config.badKeys.map((k) => k.key).sort()).toEqual([
      'LOG_LEVEL',
      'MONGO_DB',
      'MONGO_URL',
      'NATS_URL',
      'PORT',
      'SEATWISE_BUS_PREFIX',
    ]);
    expect(config.message).toContain('  - MONGO_URL: Required');
  });
});
