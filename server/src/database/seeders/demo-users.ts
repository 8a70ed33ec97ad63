import type { EntityManager } from '@mikro-orm/core';
import type { Role } from '@vigie/shared';
import { hashPassword } from '../../auth/password-hasher.js';
import { User } from '../../auth/user.entity.js';
import type { Tenant } from '../../inventory/tenant.entity.js';

/** Documented in the README; created only by the demo data, never in production. */
export const demoPassword = 'vigie-demo';

const demoUsers: { username: string; displayName: string; role: Role }[] = [
  { username: 'admin', displayName: 'Alice Admin', role: 'admin' },
  { username: 'coordinator', displayName: 'Camille Coordinatrice', role: 'coordinator' },
  { username: 'technician', displayName: 'Théo Technicien', role: 'technician' },
  { username: 'manager', displayName: 'Marc Manager', role: 'manager' },
  { username: 'viewer', displayName: 'Valérie Viewer', role: 'client_viewer' },
  // The rest of the operations team, who sign most of the demo's history.
  { username: 'ines', displayName: 'Inès Martin', role: 'technician' },
  { username: 'malik', displayName: 'Malik Benali', role: 'technician' },
  { username: 'sofia', displayName: 'Sofia Rossi', role: 'coordinator' },
];

export const demoUsernames = demoUsers.map((user) => user.username);

/** One user per role, and more operations staff; the client viewer belongs to the first demo tenant. */
export async function createDemoUsers(em: EntityManager, firstTenant: Tenant): Promise<User[]> {
  const passwordHash = await hashPassword(demoPassword);
  return demoUsers.map((user) =>
    em.create(User, {
      ...user,
      tenant: user.role === 'client_viewer' ? firstTenant : null,
      locale: 'fr',
      passwordHash,
      active: true,
    }),
  );
}
