import type { EntityManager } from '@mikro-orm/core';
import type { CreateShiftLogEntry, ShiftLogLink } from '@vigie/shared';
import { DomainError } from '../common/domain-error.js';
import { incidentReferenceOf } from '../incidents/incident-reference.js';
import { Incident } from '../incidents/incident.entity.js';
import { Device } from '../inventory/device.entity.js';
import { Rack } from '../inventory/rack.entity.js';
import { ProcedureRun } from '../runs/procedure-run.entity.js';
import { loadOccurrence, occurrenceLabelOf } from '../tasks/occurrence-lifecycle.js';

type LinkInput = NonNullable<CreateShiftLogEntry['links']>[number];

const missing = (index: number, kind: string) =>
  new DomainError('rule_violation', `The linked ${kind} does not exist`, {
    fields: [{ path: `links.${index}.id`, message: `no such ${kind}` }],
  });

/**
 * Checks each linked record exists and freezes its label as it reads now, so the entry keeps
 * saying what it said. Every label is the server's: a client cannot make a link say something else.
 */
export async function resolveLinks(em: EntityManager, links: readonly LinkInput[]): Promise<ShiftLogLink[]> {
  const resolved: ShiftLogLink[] = [];
  for (const [index, link] of links.entries()) {
    const label = await labelOf(em, link);
    if (label === null) throw missing(index, link.kind);
    resolved.push({ kind: link.kind, id: link.id, label: label.slice(0, 300) });
  }
  return resolved;
}

async function labelOf(em: EntityManager, link: LinkInput): Promise<string | null> {
  switch (link.kind) {
    case 'incident': {
      const incident = await em.findOne(Incident, { id: link.id }, { fields: ['id', 'title'] });
      return incident ? `${incidentReferenceOf(incident.id)} · ${incident.title}` : null;
    }
    case 'run': {
      const run = await em.findOne(ProcedureRun, { id: link.id }, { fields: ['id', 'procedureId'] });
      return run ? `#${run.id} · ${run.procedureId}` : null;
    }
    case 'rack': {
      const rack = await em.findOne(Rack, { id: link.id }, { fields: ['id', 'name'] });
      return rack ? rack.name : null;
    }
    case 'device': {
      const device = await em.findOne(Device, { id: link.id }, { fields: ['id', 'name'] });
      return device ? device.name : null;
    }
    case 'occurrence': {
      const occurrence = await loadOccurrence(em, link.id);
      return occurrence ? occurrenceLabelOf(occurrence) : null;
    }
  }
}
