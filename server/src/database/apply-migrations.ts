/** What this needs of an ORM: the app's (core) and the CLI's (sqlite) instances both fit. */
interface MigratableOrm {
  migrator: { up(): Promise<{ name: string }[]> };
  em: { getConnection(): { execute(sql: string): Promise<unknown> } };
}

/**
 * Applies the pending migrations with foreign keys off, as SQLite asks for table rebuilds
 * (it cannot alter a CHECK or a column in place: a migration copies the table, drops the old one
 * and renames the copy). The pragma only takes effect outside a transaction, so the migrations'
 * own `pragma foreign_keys = off` lines do nothing inside theirs: with keys on, dropping a parent
 * table that has children deletes or refuses them. The keys are checked before the app goes on.
 */
export async function applyMigrations(orm: MigratableOrm): Promise<{ name: string }[]> {
  const connection = orm.em.getConnection();
  await connection.execute('pragma foreign_keys = off');
  try {
    const applied = await orm.migrator.up();
    const broken = (await connection.execute('pragma foreign_key_check')) as {
      table: string;
      parent: string;
    }[];
    if (broken.length > 0) {
      const first = broken[0]!;
      throw new Error(
        `Migrations left ${broken.length} row(s) pointing nowhere (first: ${first.table} → ${first.parent})`,
      );
    }
    return applied;
  } finally {
    await connection.execute('pragma foreign_keys = on');
  }
}
