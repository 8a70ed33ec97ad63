import { ForeignKeyConstraintViolationException, type EntityName, type FilterQuery } from '@mikro-orm/core';
import { DomainError, notFound, staleVersion } from '../common/domain-error.js';
import type { WriteContext } from '../database/writer.js';

/** How to delete one kind of inventory object, and what may still refer to it. */
export interface Removal<T extends { id: number; version: number }, Dto> {
  entity: EntityName<T>;
  /** 'Site', 'Room'…: the errors' wording, and the audit's entity type unless `entityType` is given. */
  label: string;
  /** The audit's entity type when it is not the label ('DeviceType'), as its create and update use. */
  entityType?: string;
  action: string;
  toDto: (entity: T) => Dto;
  /** The records that still refer to it, by what they are (rooms, racks, devices, contracts, users). */
  uses: (entity: T) => Promise<Record<string, number>>;
}

/** 409 naming what still uses the object; each use is also a field (`rooms`: `2`) for clients to word. */
function stillInUse(label: string, uses: [string, number][], current: unknown): DomainError {
  const list = uses.map(([what, count]) => `${count} ${what.replace('_', ' ')}`).join(', ');
  return new DomainError(
    'conflict',
    `This ${label.toLowerCase()} is still used by ${list}: move or remove them first`,
    { current, fields: uses.map(([what, count]) => ({ path: what, message: String(count) })) },
  );
}

/**
 * Deletes an object nothing refers to any more, audited in the same write; 409 with the current
 * state (and what still uses it) otherwise. The caller announces it.
 */
export async function removeIfUnused<T extends { id: number; version: number }, Dto>(
  tx: WriteContext,
  removal: Removal<T, Dto>,
  id: number,
  version: number,
): Promise<Dto> {
  const found = await tx.em.findOne(removal.entity, { id } as FilterQuery<NoInfer<T>>, { filters: false });
  if (!found) throw notFound(removal.label);
  const before = removal.toDto(found);
  if (found.version !== version) throw staleVersion(before);
  const uses = Object.entries(await removal.uses(found)).filter(([, count]) => count > 0);
  if (uses.length > 0) throw stillInUse(removal.label, uses, before);
  tx.em.remove(found);
  try {
    await tx.em.flush();
  } catch (error) {
    // Records of other domains (incidents…) may refer to it too: the database says so.
    if (error instanceof ForeignKeyConstraintViolationException)
      throw stillInUse(removal.label, [['other_records', 1]], before);
    throw error;
  }
  await tx.audit({
    action: removal.action,
    entityType: removal.entityType ?? removal.label,
    entityId: id,
    before,
  });
  return before;
}
