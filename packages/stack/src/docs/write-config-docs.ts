import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../config/paths';
import { configDocs } from './config-docs';

export function configDocsPath(): string {
  return join(repoRoot(__dirname), 'docs', 'configuration.md');
}

if (require.main === module) {
  writeFileSync(configDocsPath(), configDocs());
  process.stdout.write(`wrote ${configDocsPath()}\n`);
}
