// Dates as Jekyll reads them (Ruby's `Time.parse(...).localtime`) and the date placeholders of
// its permalinks (`:year`, `:i_month`, `:y_day`, `:week`…), in the site's time zone.

const DATE_ONLY = /^(\d{2,4})-(\d{1,2})-(\d{1,2})$/;
const DATE_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A front matter or file-name date → the instant it names. Without an offset it is a local time
 * of the site's time zone (`timezone:` in `_config.yml`, else the machine's), as in Jekyll.
 */
export function parseJekyllDate(value: unknown, timeZone?: string): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const match = DATE_ONLY.exec(text) ?? DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', offset] = match;
  const year = Number(y!.length === 2 ? `20${y}` : y);
  const fields = [year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(`0.${fraction}`) * 1000] as const;
  const asUtc = Date.UTC(...fields);
  if (Number.isNaN(asUtc) || Number(mo) > 12 || Number(d) > 31) return undefined;
  if (offset) {
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset === 'Z' || offset === 'z' ? '0000' : offset.slice(1).replace(':', '');
    return new Date(asUtc - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000);
  }
  // A wall-clock time in `timeZone`: correct the UTC guess by the zone's offset at that moment.
  const guess = new Date(asUtc);
  const first = asUtc - zoneOffsetMs(guess, timeZone);
  return new Date(asUtc - zoneOffsetMs(new Date(first), timeZone));
}

/** Offset of `timeZone` (undefined: the machine's zone) from UTC at `date`, in ms. */
function zoneOffsetMs(date: Date, timeZone?: string): number {
  const p = localParts(date, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(date.getTime() / 1000) * 1000;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday. */
  weekday: number;
}

export function localParts(date: Date, timeZone?: string): LocalParts {
  if (!timeZone) {
    return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), hour: date.getHours(), minute: date.getMinutes(), second: date.getSeconds(), weekday: date.getDay() };
  }
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday ?? 'Sun');
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second), weekday };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** ISO 8601 week-numbering year and week (Ruby's `%G` and `%V`). */
function isoWeek(p: LocalParts): { year: number; week: number } {
  const day = new Date(Date.UTC(p.year, p.month - 1, p.day));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7) + 3); // this week's Thursday decides the year
  const firstThursday = new Date(Date.UTC(day.getUTCFullYear(), 0, 4));
  const days = (day.getTime() - firstThursday.getTime()) / 86_400_000;
  return { year: day.getUTCFullYear(), week: 1 + Math.round((days - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7) };
}

/** The date placeholders of Jekyll's URL drop, as its `strftime` calls write them. */
export function datePlaceholders(date: Date, timeZone?: string): Record<string, string> {
  const p = localParts(date, timeZone);
  const yDay = Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86_400_000) + 1;
  const iso = isoWeek(p);
  return {
    year: String(p.year),
    month: pad(p.month),
    day: pad(p.day),
    hour: pad(p.hour),
    minute: pad(p.minute),
    second: pad(p.second),
    i_day: String(p.day),
    i_month: String(p.month),
    short_month: MONTHS[p.month - 1]!.slice(0, 3),
    long_month: MONTHS[p.month - 1]!,
    short_year: pad(p.year % 100),
    w_year: String(iso.year),
    week: pad(iso.week),
    w_day: String(p.weekday === 0 ? 7 : p.weekday),
    short_day: DAYS[p.weekday]!.slice(0, 3),
    long_day: DAYS[p.weekday]!,
    y_day: pad(yDay, 3),
  };
}

/** Ruby's `Time#to_s` (`2024-01-05 10:00:00 +0000`): how Liquid prints a document's date. */
export function rubyTimeString(date: Date, timeZone?: string): string {
  const p = localParts(date, timeZone);
  const offset = Math.round(zoneOffsetMs(date, timeZone) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}
