import type { EntityManager } from '@mikro-orm/core';
import { Logger } from '@nestjs/common';
import { AuditTrail } from '../../audit/audit-trail.js';
import { User } from '../../auth/user.entity.js';
import { seedDemoHolidays } from '../../holidays/demo-holidays.js';
import { Contract } from '../../inventory/contract.entity.js';
import { Site } from '../../inventory/site.entity.js';
import { Tenant } from '../../inventory/tenant.entity.js';
import { validateLibrary } from '../../procedures/library-validator.js';
import { demoContracts } from './demo-contracts.js';
import { createDemoIncidentHistory } from './demo-incident-history.js';
import { createDemoInventory } from './demo-inventory.js';
import { createDemoRunHistory, type DemoRunSources } from './demo-run-history.js';
import { createDemoTasks } from './demo-tasks.js';
import { demoTenants, type DemoTenantCode } from './demo-tenant-profiles.js';
import { createDemoUsers } from './demo-users.js';
import { SeededRandom } from './seeded-random.js';

export const demoSeed = 20261123;

/**
 * Fills an empty database with a realistic, deterministic site. Does nothing if users exist.
 * `files` locates the procedure library (runs pin its versions) and the evidence folder.
 */
export async function loadDemoDataIfEmpty(
  em: EntityManager,
  files: Omit<DemoRunSources, 'procedures'>,
): Promise<boolean> {
  if ((await em.count(User, {})) > 0) return false;
  const logger = new Logger('DemoData');
  const started = Date.now();
  const counts = await em.transactional(async (tx) => {
    const tenants = new Map<DemoTenantCode, Tenant>(
      demoTenants.map((tenant) => [tenant.code, tx.create(Tenant, tenant)]),
    );
    const site = tx.create(Site, {
      code: 'PAR1',
      name: 'Paris Nord 1',
      address: '12 rue des Entrepôts, 93200 Saint-Denis, France',
      timeZone: 'Europe/Paris',
      countryCode: 'FR',
      pueTarget: 1.35,
    });
    const firstTenant = tenants.get(demoTenants[0].code);
    if (!firstTenant) throw new Error('demo tenants missing');
    await createDemoUsers(tx, firstTenant);
    const inventory = createDemoInventory(tx, site, tenants, new SeededRandom(demoSeed));
    for (const [code, tenant] of tenants) tx.create(Contract, { tenant, ...demoContracts[code] });
    await tx.flush();
    await seedDemoHolidays(tx, site.countryCode);
    await createDemoIncidentHistory(tx, new SeededRandom(demoSeed + 1), new Date());
    await createDemoTasks(tx, site, new SeededRandom(demoSeed + 2), new Date());
    const { procedures } = validateLibrary(files.proceduresDir);
    await createDemoRunHistory(tx, new SeededRandom(demoSeed + 3), { ...files, procedures }, new Date());
    await new AuditTrail(tx).append({ action: 'demo.load', entityType: 'Database', entityId: 'demo' });
    return inventory;
  });
  logger.log(
    `Demo data loaded in ${Date.now() - started} ms: ${counts.racks} racks, ${counts.devices} devices, ` +
      `${counts.deviceTypes} device types in ${counts.rooms} rooms`,
  );
  return true;
}
