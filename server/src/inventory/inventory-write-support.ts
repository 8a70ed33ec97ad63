import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/core';
import { DomainError } from '../common/domain-error.js';
import { liveRooms, roomsForTenants, type LiveRoom } from '../realtime/live-rooms.js';

/** Finds the object a write refers to by id, or answers 400 on the field that named it. */
export async function referenced<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  id: number,
  field: string,
  label: string,
): Promise<T> {
  // Writes are staff-only, but the check must not depend on who signs in: no tenant scoping here.
  const found = await em.findOne(entity, { id } as FilterQuery<NoInfer<T>>, { filters: false });
  if (!found) {
    throw new DomainError('validation_failed', `Unknown ${label}`, {
      fields: [{ path: field, message: `no ${label} with id ${id}` }],
    });
  }
  return found;
}

/** 409 for a value that must be unique and is taken. */
export function taken(field: string, what: string): DomainError {
  return new DomainError('conflict', `${what} is already taken`, {
    fields: [{ path: field, message: 'already taken' }],
  });
}

/** 422 for a change the inventory's rules forbid, with the field at fault. */
export function ruleViolation(field: string, message: string): DomainError {
  return new DomainError('rule_violation', message, { fields: [{ path: field, message }] });
}

/** Sites, rooms and the type catalogue are visible to every signed-in role. */
export const everyoneRooms: LiveRoom[] = [liveRooms.staff, liveRooms.role('client_viewer')];

/** Rooms for an object owned by zero or more tenants (before and after a change). */
export function tenantRooms(...tenantIds: (number | null | undefined)[]): LiveRoom[] {
  const ids = [...new Set(tenantIds.filter((id): id is number => typeof id === 'number'))];
  return roomsForTenants(ids);
}

/** Copies the defined fields of a change onto an entity. */
export function assignDefined<T extends object>(target: T, change: Partial<T>): void {
  for (const [key, value] of Object.entries(change)) {
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
}
