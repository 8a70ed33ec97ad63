import { type Procedure, runDetailSchema } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planOf } from '../../server/src/runs/run-plan.js';
import { ok } from './support/inventory-fixtures.js';
import { withRawDatabase } from './support/sqlite.js';
import { type ApiClient, signedIn, startTestApp, type TestApp } from './support/test-app.js';

interface RecordRow {
  id: number;
  runId: number;
  stepId: string;
  outcome: string;
  reason: string | null;
  inRange: number | null;
  deviation: number;
  supersedes: number | null;
  performedBy: number;
  performedAt: number;
  hash: string;
}

describe('demo procedure run history', () => {
  let t: TestApp;
  let coordinator: ApiClient;

  beforeAll(async () => {
    t = await startTestApp({ env: { VIGIE_TASK_SCHEDULER_SECONDS: '0', VIGIE_SLA_WATCH_SECONDS: '0' } });
    coordinator = await signedIn(t.url, 'coordinator');
  });
  afterAll(() => t.close());

  it('gives every occurrence done a completed run of its task’s procedure, pinned by hash', () => {
    const orphans = withRawDatabase(t.config.databaseFile, (db) =>
      db
        .prepare(
          `select o.id from task_occurrence o join recurring_task t on t.id = o.task_id
           left join procedure_run r on r.id = o.run_id
           left join procedure_version v on v.hash = r.procedure_version_hash
           where o.state = 'done' and (r.id is null or r.state <> 'completed' or r.procedure_id <> t.procedure_id
             or r.context_kind <> 'occurrence' or r.context_id <> o.id or v.procedure_id <> t.procedure_id)`,
        )
        .all(),
    );
    expect(orphans).toEqual([]);
    const done = withRawDatabase(t.config.databaseFile, (db) =>
      db.prepare(`select count(*) as n from task_occurrence where state = 'done'`).get(),
    ) as { n: number };
    expect(done.n).toBeGreaterThan(900);
  });

  it('signs only steps of the pinned version, never in the future, with a reason for every exception', () => {
    const { records, versions, verifications } = withRawDatabase(t.config.databaseFile, (db) => ({
      records: db
        .prepare(
          `select s.id, s.run_id as runId, s.step_id as stepId, s.outcome, s.reason, s.in_range as inRange, s.deviation,
                  s.supersedes, s.performed_by_id as performedBy, s.performed_at as performedAt,
                  r.procedure_version_hash as hash
           from step_record s join procedure_run r on r.id = s.run_id`,
        )
        .all() as RecordRow[],
      versions: new Map(
        (
          db.prepare('select hash, content from procedure_version').all() as {
            hash: string;
            content: string;
          }[]
        ).map((row) => [row.hash, planOf(JSON.parse(row.content) as Procedure)]),
      ),
      verifications: db
        .prepare(
          `select v.verified_by_id as verifier, s.performed_by_id as performer, s.step_id as stepId,
                  r.procedure_version_hash as hash
           from step_verification v join step_record s on s.id = v.record_id join procedure_run r on r.id = s.run_id`,
        )
        .all() as { verifier: number; performer: number; stepId: string; hash: string }[],
    }));
    expect(records.length).toBeGreaterThan(10_000);
    const now = Date.now();
    for (const record of records) {
      const plan = versions.get(record.hash);
      expect(
        plan?.steps.some((planned) => planned.step.id === record.stepId),
        record.stepId,
      ).toBe(true);
      expect(record.performedAt).toBeLessThanOrEqual(now);
      const exception = record.outcome !== 'done' || record.deviation === 1 || record.supersedes !== null;
      if (exception) expect(record.reason, `record ${record.id}`).toBeTruthy();
    }
    // The history is lived-in: skips, readings out of range and corrections all occur, each explained.
    expect(records.filter((record) => record.outcome === 'skipped').length).toBeGreaterThan(0);
    expect(records.filter((record) => record.inRange === 0 && record.deviation === 1).length).toBeGreaterThan(
      0,
    );
    expect(records.filter((record) => record.supersedes !== null).length).toBeGreaterThan(0);
    // Critical steps are verified, always by a second person.
    expect(verifications.length).toBeGreaterThan(0);
    for (const verification of verifications) {
      expect(verification.verifier).not.toBe(verification.performer);
      const planned = versions
        .get(verification.hash)
        ?.steps.find((step) => step.step.id === verification.stepId);
      expect(planned?.step.critical).toBe(true);
    }
  });

  it('keeps planned changes apart: one rolled back, one aborted with its reason', () => {
    const changes = withRawDatabase(t.config.databaseFile, (db) =>
      db
        .prepare(
          `select r.id, r.state, r.abort_reason as abortReason,
                  exists (select 1 from step_record s where s.run_id = r.id
                          and s.step_id in (select json_extract(value, '$.id') from json_each(v.content, '$.rollback'))) as rolledBack
           from procedure_run r join procedure_version v on v.hash = r.procedure_version_hash
           where json_extract(v.content, '$.kind') = 'MOP' and r.context_kind = 'none'`,
        )
        .all(),
    ) as { id: number; state: string; abortReason: string | null; rolledBack: number }[];
    expect(changes.length).toBeGreaterThan(5);
    expect(changes.filter((run) => run.rolledBack === 1 && run.state === 'completed')).toHaveLength(1);
    const aborted = changes.filter((run) => run.state === 'aborted');
    expect(aborted).toHaveLength(1);
    expect(aborted[0]!.abortReason).toBeTruthy();
  });

  it('answers a seeded run through the API with its steps signed and the list counters in step', async () => {
    const sample = withRawDatabase(t.config.databaseFile, (db) =>
      db
        .prepare(
          `select id, signed_steps as signed, required_steps as required, out_of_range_steps as outOfRange
           from procedure_run where state = 'completed' order by id limit 40`,
        )
        .all(),
    ) as { id: number; signed: number; required: number; outOfRange: number }[];
    expect(sample).toHaveLength(40);
    for (const row of sample) {
      const run = await ok(await coordinator.get(`/api/runs/${row.id}`), (value) =>
        runDetailSchema.parse(value),
      );
      expect(run.state).toBe('completed');
      expect(run.progress.signed).toBe(run.progress.required);
      expect({ signed: row.signed, required: row.required, outOfRange: row.outOfRange }).toEqual({
        signed: run.progress.signed,
        required: run.progress.required,
        outOfRange: run.progress.outOfRange,
      });
    }
  });
});
