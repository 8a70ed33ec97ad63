import { isTenantScoped, type Role } from '@vigie/shared';
import type { Actor } from '../common/request-context.js';

/**
 * Socket.io rooms. `staff` holds every user who sees all tenants; `tenant:<id>` the client viewers
 * of one tenant; `role:<role>` and `user:<id>` address a role or one person; `session:<id>` the
 * sockets of one sign-in.
 */
export type LiveRoom = 'staff' | `tenant:${number}` | `role:${Role}` | `user:${number}` | `session:${string}`;

export const liveRooms = {
  staff: 'staff' as const,
  tenant: (id: number): LiveRoom => `tenant:${id}`,
  role: (role: Role): LiveRoom => `role:${role}`,
  user: (id: number): LiveRoom => `user:${id}`,
  session: (id: string): LiveRoom => `session:${id}`,
};

/** The rooms a signed-in user's sockets join: what they may see, nothing more. */
export function roomsFor(actor: Actor): LiveRoom[] {
  const rooms: LiveRoom[] = [liveRooms.role(actor.role), liveRooms.user(actor.id)];
  if (!isTenantScoped(actor.role)) rooms.push(liveRooms.staff);
  else if (actor.tenantId !== null) rooms.push(liveRooms.tenant(actor.tenantId));
  return rooms;
}

/** Rooms that see everything about a tenant's objects: staff, and that tenant's viewers. */
export function roomsForTenants(tenantIds: readonly number[]): LiveRoom[] {
  return [liveRooms.staff, ...tenantIds.map(liveRooms.tenant)];
}
