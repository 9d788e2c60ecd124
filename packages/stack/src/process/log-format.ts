// Turns a child's output line into what the terminal shows: pino JSON lines become
// "LEVEL message key=value …" (the services log JSON for machines; people read the stack's terminal).

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const HIDDEN = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'service', 'version', 'v']);
const MAX_FIELD = 160;

export function formatLine(line: string): { text: string; level: number | null } {
  const trimmed = line.trimEnd();
  if (!trimmed.startsWith('{')) return { text: trimmed, level: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return { text: trimmed, level: null };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { text: trimmed, level: null };
  const record = parsed as Record<string, unknown>;
  const level = typeof record['level'] === 'number' ? record['level'] : null;
  const label = level === null ? '' : `${LEVELS[level] ?? String(level)} `;
  const message = typeof record['msg'] === 'string' ? record['msg'] : '';
  const fields = Object.entries(record)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => `${key}=${clip(typeof value === 'string' ? value : JSON.stringify(value))}`);
  return { text: [`${label}${message}`.trim(), ...fields].filter(Boolean).join(' '), level };
}

function clip(value: string | undefined): string {
  if (value === undefined) return 'undefined';
  return value.length > MAX_FIELD ? `${value.slice(0, MAX_FIELD)}…` : value;
}
