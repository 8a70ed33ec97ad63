/**
 * The RFC 5545 RRULE subset Vigie evaluates (DESIGN.md §3): FREQ (DAILY, WEEKLY, MONTHLY, YEARLY),
 * INTERVAL, BYDAY (with ordinals such as 1MO or -1SU for monthly and yearly rules), BYMONTHDAY
 * (negative counts from the month's end), BYMONTH, BYHOUR, BYMINUTE, COUNT, UNTIL. Anything else
 * is refused with a message, never silently ignored. The rule is read in the site's local wall time.
 */

export const rruleFrequencies = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
export type RruleFrequency = (typeof rruleFrequencies)[number];

/** RFC 5545 weekday codes, Monday first (index + 1 = ISO weekday). */
export const rruleWeekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type RruleWeekday = (typeof rruleWeekdays)[number];

export interface RruleByDay {
  weekday: RruleWeekday;
  /** 1 = first, -1 = last in the month (or year); null = every such weekday. */
  ordinal: number | null;
}

export interface ParsedRrule {
  freq: RruleFrequency;
  interval: number;
  byDay: RruleByDay[];
  byMonthDay: number[];
  byMonth: number[];
  byHour: number[];
  byMinute: number[];
  count: number | null;
  /** UTC instant (ms) after which no occurrence is produced. */
  until: number | null;
}

export type RruleParseResult = { ok: true; rule: ParsedRrule } | { ok: false; message: string };

const supportedParts = new Set([
  'FREQ',
  'INTERVAL',
  'BYDAY',
  'BYMONTHDAY',
  'BYMONTH',
  'BYHOUR',
  'BYMINUTE',
  'COUNT',
  'UNTIL',
]);

function integers(value: string, min: number, max: number, name: string, allowNegative = false): number[] {
  const list = value.split(',').map((item) => {
    if (!/^[+-]?\d{1,4}$/.test(item)) throw new RangeError(`${name}: "${item}" is not a number`);
    const number = Number(item);
    const absolute = Math.abs(number);
    if ((number < 0 && !allowNegative) || absolute < min || absolute > max) {
      throw new RangeError(`${name}: ${item} is out of range`);
    }
    return number;
  });
  return [...new Set(list)].sort((a, b) => a - b);
}

/** `UNTIL=20271231T235959Z` or a date `20271231` (read as the end of that UTC day). */
function untilOf(value: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/.exec(value);
  if (!match) throw new RangeError('UNTIL: use a UTC date-time such as 20271231T235959Z');
  const [, y, mo, d, h, mi, s] = match;
  const at = h
    ? Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))
    : Date.UTC(Number(y), Number(mo) - 1, Number(d), 23, 59, 59);
  if (Number.isNaN(at)) throw new RangeError('UNTIL: not a valid date');
  return at;
}

/** Parses an RRULE (with or without the `RRULE:` prefix) into the supported subset. */
export function parseRrule(text: string): RruleParseResult {
  try {
    return { ok: true, rule: parseOrThrow(text) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function parseOrThrow(text: string): ParsedRrule {
  const body = text.trim().replace(/^RRULE:/i, '');
  if (!body) throw new RangeError('the rule is empty');
  const parts = new Map<string, string>();
  for (const chunk of body.split(';')) {
    const [name, value, extra] = chunk.split('=');
    const key = (name ?? '').trim().toUpperCase();
    if (!key || value === undefined || extra !== undefined || value.trim() === '') {
      throw new RangeError(`"${chunk}" is not a NAME=VALUE part`);
    }
    if (!supportedParts.has(key)) throw new RangeError(`${key} is not supported`);
    if (parts.has(key)) throw new RangeError(`${key} appears twice`);
    parts.set(key, value.trim().toUpperCase());
  }
  const freq = parts.get('FREQ');
  if (!freq) throw new RangeError('FREQ is required');
  if (!(rruleFrequencies as readonly string[]).includes(freq)) {
    throw new RangeError(`FREQ=${freq} is not supported (use DAILY, WEEKLY, MONTHLY or YEARLY)`);
  }
  const rule: ParsedRrule = {
    freq: freq as RruleFrequency,
    interval: parts.has('INTERVAL') ? (integers(parts.get('INTERVAL')!, 1, 366, 'INTERVAL')[0] ?? 1) : 1,
    byDay: [],
    byMonthDay: parts.has('BYMONTHDAY') ? integers(parts.get('BYMONTHDAY')!, 1, 31, 'BYMONTHDAY', true) : [],
    byMonth: parts.has('BYMONTH') ? integers(parts.get('BYMONTH')!, 1, 12, 'BYMONTH') : [],
    byHour: parts.has('BYHOUR') ? integers(parts.get('BYHOUR')!, 0, 23, 'BYHOUR') : [],
    byMinute: parts.has('BYMINUTE') ? integers(parts.get('BYMINUTE')!, 0, 59, 'BYMINUTE') : [],
    count: parts.has('COUNT') ? (integers(parts.get('COUNT')!, 1, 100_000, 'COUNT')[0] ?? null) : null,
    until: parts.has('UNTIL') ? untilOf(parts.get('UNTIL')!) : null,
  };
  if (rule.count !== null && rule.until !== null) throw new RangeError('COUNT and UNTIL cannot both be set');
  if (parts.has('BYDAY')) {
    for (const item of parts.get('BYDAY')!.split(',')) {
      const match = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
      if (!match) throw new RangeError(`BYDAY: "${item}" is not a weekday such as MO, 1MO or -1SU`);
      const ordinal = match[1] ? Number(match[1]) : null;
      if (ordinal !== null) {
        if (ordinal === 0 || Math.abs(ordinal) > (rule.freq === 'YEARLY' ? 53 : 5)) {
          throw new RangeError(`BYDAY: ${item} is out of range`);
        }
        if (rule.freq !== 'MONTHLY' && rule.freq !== 'YEARLY') {
          throw new RangeError(`BYDAY: an ordinal such as ${item} needs FREQ=MONTHLY or YEARLY`);
        }
      }
      rule.byDay.push({ weekday: match[2] as RruleWeekday, ordinal });
    }
  }
  if (rule.freq === 'WEEKLY' && rule.byMonthDay.length > 0) {
    throw new RangeError('BYMONTHDAY cannot be used with FREQ=WEEKLY');
  }
  return rule;
}

/** The canonical text of a parsed rule (stable order), as it is stored. */
export function formatRrule(rule: ParsedRrule): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byMonth.length) parts.push(`BYMONTH=${rule.byMonth.join(',')}`);
  if (rule.byMonthDay.length) parts.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`);
  if (rule.byDay.length)
    parts.push(`BYDAY=${rule.byDay.map((day) => `${day.ordinal ?? ''}${day.weekday}`).join(',')}`);
  if (rule.byHour.length) parts.push(`BYHOUR=${rule.byHour.join(',')}`);
  if (rule.byMinute.length) parts.push(`BYMINUTE=${rule.byMinute.join(',')}`);
  if (rule.count !== null) parts.push(`COUNT=${rule.count}`);
  if (rule.until !== null)
    parts.push(`UNTIL=${new Date(rule.until).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`);
  return parts.join(';');
}
