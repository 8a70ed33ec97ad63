import Database from 'better-sqlite3';

/** Opens the app's database file from outside, as another process or an attacker with file access would. */
export function withRawDatabase<T>(file: string, work: (db: Database.Database) => T): T {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  try {
    return work(db);
  } finally {
    db.close();
  }
}

export function countRows(file: string, table: string): number {
  return withRawDatabase(
    file,
    (db) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n,
  );
}
