const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const number = new Intl.NumberFormat();

// Dates from the API are ISO strings; a missing or unreadable one shows as a dash, never as an exception.
export function formatDateTime(iso: string | null | undefined): string {
  return formatWith(dateTime, iso);
}

export function formatDate(iso: string | null | undefined): string {
  return formatWith(date, iso);
}

// A chart axis value: milliseconds since the epoch, as a number or as text.
export function formatEpochDate(value: unknown): string {
  const ms = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(ms) ? formatWith(date, ms) : String(value);
}

function formatWith(format: Intl.DateTimeFormat, value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? '—' : format.format(at);
}

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : number.format(n);
}

export function formatSigned(n: number): string {
  return n > 0 ? `+${number.format(n)}` : number.format(n);
}

// "3 h 20 min behind": how far a sync lags, from milliseconds.
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}
