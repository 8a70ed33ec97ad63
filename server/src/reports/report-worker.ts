import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { ErrorCode, FieldError, ReportItemsQuery } from '@vigie/shared';
import { DomainError } from '../common/domain-error.js';
import type { LocalPeriod } from './report-period.js';
import type { ReportScope } from './report-query.js';
import { computeSteeringReport, reportItems, type SteeringReportInput } from './steering-report.js';

/**
 * The report's SQL runs here, in a worker thread with its own read-only connection: a year of
 * aggregates takes the better part of a second, and on the main thread it would hold up every
 * step tick and live event meanwhile. WAL lets this reader and the server's writer work at once.
 */

export type ReportJob =
  | { id: number; kind: 'report'; input: SteeringReportInput }
  | { id: number; kind: 'items'; scope: ReportScope; period: LocalPeriod; items: ReportItemsQuery };

/** A failure crosses the thread as data; a domain error (a bad cursor) keeps its code and fields. */
export type ReportJobResult =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string; domain?: { code: ErrorCode; fields?: FieldError[] } };

const { databaseFile } = workerData as { databaseFile: string };
const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
// A year of step records is read several times per report: keep its pages in memory (64 MiB of
// cache, the file mapped) rather than going back to the file system each time.
db.pragma('cache_size = -65536');
db.pragma('mmap_size = 268435456');

// One read transaction per job: every figure of a report sees the same snapshot.
const run = db.transaction((job: ReportJob): unknown =>
  job.kind === 'report'
    ? computeSteeringReport(db, job.input)
    : reportItems(db, job.scope, job.period, job.items),
);

parentPort?.on('message', (job: ReportJob) => {
  let result: ReportJobResult;
  try {
    result = { id: job.id, ok: true, value: run(job) };
  } catch (error) {
    result = {
      id: job.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      ...(error instanceof DomainError
        ? { domain: { code: error.code, ...(error.details.fields ? { fields: error.details.fields } : {}) } }
        : {}),
    };
  }
  parentPort?.postMessage(result);
});
