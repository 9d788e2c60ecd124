import { existsSync, writeFileSync } from 'node:fs';
import { sealingEnv } from '@seatwise/shared/crypto/sealing-keys';
import { generateSecrets } from '../config/secrets';

// docker-compose's one-shot `secrets` service: generates the encryption and admin keys once into a
// volume as an env file the services source, so no key is baked into the image or the compose file.
export function secretsEnvFile(secrets = generateSecrets()): string {
  const sealing = Object.entries(sealingEnv(secrets.sealingKeys)).map(([k, v]) => `${k}=${v}\n`);
  return `SEATWISE_ENCRYPTION_KEYS=${secrets.encryptionKeys}\nSEATWISE_ADMIN_API_KEY=${secrets.adminApiKey}\n${sealing.join('')}`;
}

if (require.main === module) {
  const path = process.argv[2];
  if (!path) {
    process.stderr.write('usage: node write-secrets.js <env file>\n');
    process.exit(2);
  }
  if (existsSync(path)) {
    process.stdout.write(`${path} exists; keeping its keys\n`);
  } else {
    const secrets = generateSecrets();
    writeFileSync(path, secretsEnvFile(secrets), { mode: 0o600 });
    // Printed this once, at generation: every later start keeps the file and prints nothing of it.
    process.stdout.write(
      `generated the encryption and admin keys into ${path}\nadmin API key: ${secrets.adminApiKey}\n`,
    );
  }
}
