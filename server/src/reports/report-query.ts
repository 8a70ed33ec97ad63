import type { Database, Statement } from 'better-sqlite3';
import type { ReportWindow } from './report-period.js';

/** Whose figures: one tenant (else every tenant: the overview), optionally one site. */
export interface ReportScope {
  tenantId: number | null;
  siteId: number | null;
  /** The zone local dates, weeks and shifts are read in. */
  timeZone: string;
}

/** What every figure query reads: a read-only connection, the scope and the window. */
export interface FigureQuery {
  db: Database;
  scope: ReportScope;
  window: ReportWindow;
}

/** Lists in the report are capped at this many items; the drill-down pages through them all. */
export const reportListCap = 100;

const statements = new WeakMap<Database, Map<string, Statement>>();

/** The statement for `sql` on this connection, prepared once (the report worker keeps one for its life). */
export function prepared(db: Database, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
