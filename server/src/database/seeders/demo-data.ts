import type { EntityManager } from '@mikro-orm/core';
import { Logger } from '@nestjs/common';
import { AuditTrail } from '../../audit/audit-trail.js';
import { User } from '../../auth/user.entity.js';
import { Site } from '../../inventory/site.entity.js';
import { Tenant } from '../../inventory/tenant.entity.js';
import { createDemoUsers } from './demo-users.js';

export const demoSeed = 20261123;

const demoTenants = [
  { code: 'NOVA', name: 'Novabank' },
  { code: 'HELIO', name: 'Helio Retail' },
  { code: 'ATLAS', name: 'Atlas Santé' },
  { code: 'KORE', name: 'Kore Cloud' },
  { code: 'MERID', name: 'Méridien Médias' },
];

/** Fills an empty database with a realistic, deterministic site. Does nothing if users exist. */
export async function loadDemoDataIfEmpty(em: EntityManager): Promise<boolean> {
  if ((await em.count(User, {})) > 0) return false;
  const logger = new Logger('DemoData');
  const started = Date.now();
  await em.transactional(async (tx) => {
    const tenants = demoTenants.map((tenant) => tx.create(Tenant, tenant));
    tx.create(Site, {
      code: 'PAR1',
      name: 'Paris Nord 1',
      address: '12 rue des Entrepôts, 93200 Saint-Denis, France',
      timeZone: 'Europe/Paris',
      countryCode: 'FR',
      pueTarget: 1.35,
    });
    const [firstTenant] = tenants;
    if (!firstTenant) throw new Error('demo tenants missing');
    await createDemoUsers(tx, firstTenant);
    await tx.flush();
    await new AuditTrail(tx).append({ action: 'demo.load', entityType: 'Database', entityId: 'demo' });
  });
  logger.log(`Demo data loaded in ${Date.now() - started} ms`);
  return true;
}
