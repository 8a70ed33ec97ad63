import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Page, ReportItem, ReportItemsQuery, SteeringReport } from '@vigie/shared';
import type { AppConfig } from '../config/app-config.js';
import { DomainError } from '../common/domain-error.js';
import { InjectConfig } from '../config/config.module.js';
import type { LocalPeriod } from './report-period.js';
import type { ReportScope } from './report-query.js';
import type { ReportJob, ReportJobResult } from './report-worker.js';
import type { SteeringReportInput } from './steering-report.js';

interface PendingJob {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

type JobBody = ReportJob extends infer J ? (J extends ReportJob ? Omit<J, 'id'> : never) : never;

/** The compiled worker beside this module; under the test runner (TypeScript sources) the build's. */
function workerScript(): string {
  const beside = fileURLToPath(new URL('./report-worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  const built = fileURLToPath(new URL('../../dist/reports/report-worker.js', import.meta.url));
  if (existsSync(built)) return built;
  throw new Error('The report worker is not built: run pnpm build');
}

/** Sends report jobs to one worker thread (started on first use) and answers each with its result. */
@Injectable()
export class ReportRunner implements OnModuleDestroy {
  private readonly logger = new Logger(ReportRunner.name);
  private worker: { thread: Worker; pending: Map<number, PendingJob> } | undefined;
  private nextId = 1;

  constructor(@InjectConfig() private readonly config: AppConfig) {}

  report(input: SteeringReportInput): Promise<SteeringReport> {
    return this.send({ kind: 'report', input }) as Promise<SteeringReport>;
  }

  items(scope: ReportScope, period: LocalPeriod, items: ReportItemsQuery): Promise<Page<ReportItem>> {
    return this.send({ kind: 'items', scope, period, items }) as Promise<Page<ReportItem>>;
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.thread.terminate();
  }

  private send(body: JobBody): Promise<unknown> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      worker.pending.set(id, { resolve, reject });
      worker.thread.postMessage({ ...body, id } satisfies ReportJob);
    });
  }

  private started(): { thread: Worker; pending: Map<number, PendingJob> } {
    if (this.worker) return this.worker;
    const thread = new Worker(workerScript(), { workerData: { databaseFile: this.config.databaseFile } });
    const pending = new Map<number, PendingJob>();
    const worker = { thread, pending };
    thread.unref();
    thread.on('message', (result: ReportJobResult) => {
      const job = pending.get(result.id);
      pending.delete(result.id);
      if (!job) return;
      if (result.ok) job.resolve(result.value);
      else
        job.reject(
          result.domain
            ? new DomainError(result.domain.code, result.message, { fields: result.domain.fields })
            : new Error(`Report failed: ${result.message}`),
        );
    });
    // A worker that dies fails what it was doing; the next report starts a new one.
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const job of pending.values()) job.reject(error);
      pending.clear();
    };
    thread.on('error', (error: Error) => {
      this.logger.error(`Report worker failed: ${error.message}`);
      fail(error);
    });
    thread.on('exit', (code) => fail(new Error(`Report worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
