import pino, { type Logger, type LoggerOptions } from 'pino';

// Any key with one of these names is replaced wherever it appears (two levels deep and in arrays),
// so a secret that slips into a log call's object never reaches the log.
const SECRET_KEYS = [
  'secretKey',
  'secret_key',
  'skey',
  'privateKey',
  'private_key',
  'password',
  'apiKey',
  'api_key',
  'authorization',
  'Authorization',
  'token',
  'encryptionKey',
];

export const REDACT_PATHS = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `*[*].${k}`, `headers.${k}`]);

export function createLogger(name: string, level: string, destination?: pino.DestinationStream): Logger {
  const options: LoggerOptions = {
    name,
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
