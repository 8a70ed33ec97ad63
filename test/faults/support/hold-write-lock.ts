// Another process on the same database file: `node hold-write-lock.ts <database file> <milliseconds>`.
// It takes SQLite's write lock (BEGIN IMMEDIATE), says "locked", holds it, then rolls back and says "released".
import Database from 'better-sqlite3';

const [file, holdMs] = process.argv.slice(2);
// The test may be gone by the time the lock is released: nobody to tell is not an error.
process.stdout.on('error', () => undefined);
const db = new Database(file ?? '', { fileMustExist: true });
db.pragma('busy_timeout = 10000');
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\n');
setTimeout(() => {
  db.exec('ROLLBACK');
  db.close();
  process.stdout.write('released\n');
}, Number(holdMs));
