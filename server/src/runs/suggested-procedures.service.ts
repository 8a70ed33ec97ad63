import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import type { ProcedureTarget, SuggestedProcedure, SuggestionReason } from '@vigie/shared';
import { notFound } from '../common/domain-error.js';
import { Incident } from '../incidents/incident.entity.js';
import { ProcedureLibrary } from '../procedures/procedure-library.js';
import { equipmentKindOf } from './equipment-kind.js';

/** Procedures to offer for an incident: those answering its category, and those applying to the equipment it affects. */
@Injectable()
export class SuggestedProceduresService {
  constructor(
    private readonly em: EntityManager,
    @Inject(ProcedureLibrary) private readonly library: ProcedureLibrary,
  ) {}

  async forIncident(incidentId: number): Promise<SuggestedProcedure[]> {
    const incident = await this.em
      .fork()
      .findOne(Incident, { id: incidentId }, { populate: ['racks', 'devices.deviceType'] });
    if (!incident) throw notFound('Incident');
    const kinds = new Set<ProcedureTarget>();
    if (incident.site) kinds.add('site');
    if (incident.room) kinds.add('room');
    if (incident.racks.length > 0) kinds.add('rack');
    for (const device of incident.devices) {
      const kind = equipmentKindOf(device.deviceType);
      if (kind) kinds.add(kind);
    }
    const suggestions = this.library.list().flatMap((summary) => {
      const matchedBy: SuggestionReason[] = [];
      if (incident.category && summary.categories.includes(incident.category)) matchedBy.push('category');
      if (summary.applies_to.some((target) => kinds.has(target))) matchedBy.push('equipment');
      return matchedBy.length > 0 ? [{ ...summary, matchedBy }] : [];
    });
    // Both reasons first, then category alone, then equipment alone; the library's order (emergency first) within each.
    const rank = (suggestion: SuggestedProcedure) =>
      suggestion.matchedBy.length === 2 ? 0 : suggestion.matchedBy[0] === 'category' ? 1 : 2;
    return suggestions
      .map((suggestion, index) => ({ suggestion, index }))
      .sort((a, b) => rank(a.suggestion) - rank(b.suggestion) || a.index - b.index)
      .map(({ suggestion }) => suggestion);
  }
}
