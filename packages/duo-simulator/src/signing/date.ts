// Duo parses English RFC 2822 dates only: a localized day name got "40104 Missing request timestamp"
// (JohnDuprey/DuoSecurity#32). Date.parse is far more lenient than that, so the format is matched explicitly.
// Official clients send `-0000` (python), `GMT` (node), `+0000` (go) or a local offset like `+0200` (ruby).

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DATE_PATTERN =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) (GMT|UTC|UT|Z|[+-]\d{4})$/;

/** Epoch ms of an RFC 2822 date header, or undefined when it is not one. */
export function parseRfc2822(text: string): number | undefined {
  const match = DATE_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const [, day, monthName, year, hour, minute, second, zone] = match;
  const month = MONTHS.indexOf(monthName ?? '');
  if (month < 0 || zone === undefined) return undefined;
  const utc = Date.UTC(Number(year), month, Number(day), Number(hour), Number(minute), Number(second));
  return utc - zoneOffsetMs(zone);
}

function zoneOffsetMs(zone: string): number {
  if (!zone.startsWith('+') && !zone.startsWith('-')) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(3, 5));
  return sign * (hours * 60 + minutes) * 60_000;
}
