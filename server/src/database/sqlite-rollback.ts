import { type DatabaseConnection, SqliteDriver } from 'kysely';

let installed = false;

/** What SQLite answers a ROLLBACK when it has already rolled the transaction back itself. */
const alreadyRolledBack = /no transaction is active/;

/**
 * After SQLITE_FULL, SQLITE_IOERR and a few other errors, SQLite rolls the transaction back by
 * itself, so the ORM's ROLLBACK fails with "no transaction is active". Kysely releases its one
 * SQLite connection only when ROLLBACK succeeds: without this, every later query would wait for
 * that connection forever, and a full disk would freeze the server for good instead of refusing
 * writes until space returns. Any other ROLLBACK failure still throws.
 */
export function toleratePriorSqliteRollback(): void {
  if (installed) return;
  installed = true;
  const { prototype } = SqliteDriver;
  const rollback = Object.getOwnPropertyDescriptor(prototype, 'rollbackTransaction')?.value as
    SqliteDriver['rollbackTransaction'] | undefined;
  if (!rollback) throw new Error('kysely SqliteDriver.rollbackTransaction not found: check this workaround');
  prototype.rollbackTransaction = async function rollbackUnlessDone(
    this: SqliteDriver,
    connection: DatabaseConnection,
  ): Promise<void> {
    try {
      await rollback.call(this, connection);
    } catch (error) {
      if (!(error instanceof Error && alreadyRolledBack.test(error.message))) throw error;
    }
  };
}
