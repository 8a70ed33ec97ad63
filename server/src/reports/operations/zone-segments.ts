import { zoneOffsetMs } from '../../incidents/sla/zoned-time.js';
import type { ReportWindow } from '../report-period.js';

const msPerHour = 3_600_000;
const msPerMinute = 60_000;

/**
 * The window cut where the zone's UTC offset changes: `[from, to, offsetMs]` rows, so SQL reads a
 * local hour as `(instant + offset) / 1 h % 24` (a year in Paris gives three segments).
 */
export function zoneSegments(timeZone: string, window: ReportWindow): [number, number, number][] {
  const segments: [number, number, number][] = [];
  let from = window.start;
  let offset = zoneOffsetMs(timeZone, from);
  for (let probe = from + msPerHour; probe < window.end + msPerHour; probe += msPerHour) {
    const at = Math.min(probe, window.end);
    const next = zoneOffsetMs(timeZone, at);
    if (next === offset) continue;
    // The change lies in (at − 1 h, at]: find its minute.
    let low = at - msPerHour;
    let high = at;
    while (high - low > msPerMinute) {
      const middle = low + Math.floor((high - low) / 2 / msPerMinute) * msPerMinute;
      if (zoneOffsetMs(timeZone, middle) === offset) low = middle;
      else high = middle;
    }
    segments.push([from, high, offset]);
    from = high;
    offset = next;
  }
  segments.push([from, window.end, offset]);
  return segments;
}
