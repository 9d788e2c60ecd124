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

// Money with its currency (ISO 4217) when known, else as a plain amount with two decimals. Intl throws on a
// malformed code, so anything but three letters counts as unknown.
function moneyFormat(currency: string | null | undefined, signDisplay: 'auto' | 'exceptZero'): Intl.NumberFormat {
  return currency && /^[A-Za-z]{3}$/.test(currency)
    ? new Intl.NumberFormat(undefined, { style: 'currency', currency, signDisplay })
    : new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay });
}

// Money per month with its currency; signed, since a row's impact can go either way.
export function formatMoney(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '—';
  return moneyFormat(currency, 'exceptZero').format(amount);
}

// A price (never negative), with its currency.
export function formatPrice(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '—';
  return moneyFormat(currency, 'auto').format(amount);
}
