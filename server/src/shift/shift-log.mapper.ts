import type { ShiftLogEntry as ShiftLogEntryDto, ShiftLogLink } from '@vigie/shared';
import { toUserRef } from '../incidents/incident.mapper.js';
import type { ShiftLogEntry } from './shift-log-entry.entity.js';

/** The entry as the API shows it; `correctedByIds` are the ids of the entries correcting it. */
export function toShiftLogEntryDto(entry: ShiftLogEntry, correctedByIds: number[] = []): ShiftLogEntryDto {
  return {
    id: entry.id,
    siteId: entry.site.id,
    at: entry.at.toISOString(),
    author: toUserRef(entry.author)!,
    category: entry.category,
    text: entry.text,
    links: JSON.parse(entry.links) as ShiftLogLink[],
    correctsId: entry.corrects?.id ?? null,
    correctedByIds,
  };
}
