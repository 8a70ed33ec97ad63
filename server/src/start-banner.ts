import type { EntityManager } from '@mikro-orm/core';
import { AuditEvent } from './audit/audit-event.entity.js';
import { User } from './auth/user.entity.js';
import { demoPassword, demoUsernames } from './database/seeders/demo-users.js';

/**
 * What `start` prints once listening: the URL always; the demo sign-ins only when the demo data
 * was loaded into this database and those users can still sign in (never for a production one).
 */
export async function startBanner(em: EntityManager, url: string, databaseFile: string): Promise<string[]> {
  const lines = [`Vigie is up at ${url} (database ${databaseFile})`];
  const demoLoaded = (await em.count(AuditEvent, { action: 'demo.load' })) > 0;
  const demoUsers = demoLoaded
    ? await em.find(User, { username: { $in: demoUsernames }, active: true }, { fields: ['username'] })
    : [];
  if (demoUsers.length > 0) {
    const present = new Set(demoUsers.map((user) => user.username));
    const usernames = demoUsernames.filter((username) => present.has(username));
    lines.push(`Demo sign-ins (password "${demoPassword}"): ${usernames.join(', ')}`);
  } else if ((await em.count(User, {})) === 0) {
    lines.push('No user yet: create the first administrator with ./vigie create-admin --username <name>');
  }
  return lines;
}
