// The env files compose's services source (`set -a && . /secrets/<service>.env && set +a`): one KEY='value' a
// line. Single quotes keep the shell from expanding `$`, `&`, `?` or `*` in a value; a value holding a quote or a
// line break is refused rather than written in a form the shell would read differently.
export function formatEnvFile(entries: Readonly<Record<string, string>>): string {
  return Object.entries(entries)
    .map(([key, value]) => {
      if (!/^[A-Z][A-Z0-9_]*$/.test(key)) throw new Error(`${key} is not an environment variable name`);
      if (/['\n\r]/.test(value)) throw new Error(`the value of ${key} holds a quote or a line break`);
      return `${key}='${value}'\n`;
    })
    .join('');
}

// Reads what formatEnvFile writes, and the unquoted KEY=value lines of the single stack.env of older volumes.
export function parseEnvFile(text: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (!match?.[1] || match[2] === undefined) continue;
    const raw = match[2];
    entries[match[1]] = raw.length >= 2 && raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1) : raw;
  }
  return entries;
}
