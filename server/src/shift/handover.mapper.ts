import type { Handover as HandoverDto, HandoverSnapshot } from '@vigie/shared';
import { toUserRef } from '../incidents/incident.mapper.js';
import type { Handover } from './handover.entity.js';

export function toHandoverDto(handover: Handover): HandoverDto {
  return {
    id: handover.id,
    siteId: handover.site.id,
    shiftStart: handover.shiftStart.toISOString(),
    shiftEnd: handover.shiftEnd.toISOString(),
    outgoing: toUserRef(handover.outgoing)!,
    incoming: toUserRef(handover.incoming),
    state: handover.state,
    snapshot: JSON.parse(handover.snapshot) as HandoverSnapshot,
    notes: handover.notes,
    submittedAt: handover.submittedAt.toISOString(),
    acknowledgedAt: handover.acknowledgedAt?.toISOString() ?? null,
  };
}
