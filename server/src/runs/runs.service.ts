import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import {
  type AbortRun,
  can,
  type CompleteRun,
  type RunContextRequest,
  type RunDetail,
  type RunEvidence as RunEvidenceDto,
  type StepRecord as StepRecordDto,
  type StepRecordResult,
  type UpdateRun,
  type VerifyStep,
  type startRunSchema,
} from '@vigie/shared';
import type { z } from 'zod';
import { User } from '../auth/user.entity.js';
import { DomainError, notFound, staleVersion } from '../common/domain-error.js';
import type { Actor } from '../common/request-context.js';
import { Writer, type WriteContext } from '../database/writer.js';
import { Incident } from '../incidents/incident.entity.js';
import { incidentReferenceOf } from '../incidents/incident-reference.js';
import { Site } from '../inventory/site.entity.js';
import { procedureVersion } from '../procedures/library-validator.js';
import { ProcedureLibrary } from '../procedures/procedure-library.js';
import { liveRooms } from '../realtime/live-rooms.js';
import { EvidenceStore } from './evidence-store.js';
import { ProcedureRun } from './procedure-run.entity.js';
import { ProcedureVersion } from './procedure-version.entity.js';
import { toEvidenceDto, toRunSummary, toRunUser, toStepRecordDtos } from './run.mappers.js';
import { detailOf, type LoadedRun, loadEvidence, loadRun } from './run.repository.js';
import { RunContextHooks } from './run-context-hooks.js';
import { RunEvidence } from './run-evidence.entity.js';
import {
  blockingStepOf,
  currentRecords,
  planOf,
  type PlannedStep,
  progressOf,
  unsignedSteps,
} from './run-plan.js';
import { checkStepRecord, type RecordStepInput } from './step-record-rules.js';
import { StepRecord } from './step-record.entity.js';
import { StepVerification } from './step-verification.entity.js';

export type StartRunInput = z.output<typeof startRunSchema>;

/** An uploaded evidence file as multer hands it over. */
export interface UploadedEvidence {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
  size: number;
}

const rule = (message: string, path?: string) =>
  new DomainError('rule_violation', message, path ? { fields: [{ path, message }] } : {});

const runRooms = [liveRooms.staff];

/**
 * Procedure runs and their sign-off rules (DESIGN.md §3): start on a pinned procedure version,
 * append-only step records and verifications, evidence, abort and completion. Every write goes
 * through the Writer: committed with its audit events and live events, then announced.
 */
@Injectable()
export class RunsService {
  constructor(
    private readonly writer: Writer,
    private readonly em: EntityManager,
    @Inject(ProcedureLibrary) private readonly library: ProcedureLibrary,
    @Inject(EvidenceStore) private readonly evidenceFiles: EvidenceStore,
    @Inject(RunContextHooks) private readonly contextHooks: RunContextHooks,
  ) {}

  async get(id: number): Promise<RunDetail> {
    return detailOf(await loadRun(this.em.fork(), id));
  }

  /** Starts the library's current version of a procedure, pinning its exact content. */
  async start(actor: Actor, input: StartRunInput): Promise<RunDetail> {
    const loaded = this.library.get(input.procedureId);
    if (!loaded) throw rule(`There is no procedure "${input.procedureId}" in the library`, 'procedureId');
    if (input.procedureVersion && input.procedureVersion !== loaded.version) {
      throw new DomainError(
        'stale_version',
        'This procedure changed since you opened it; review it and start again',
        {
          current: loaded,
        },
      );
    }
    const source = this.sourceOf(loaded.file, loaded.version);
    return this.writer.run(async (tx) => {
      const context = await this.contextOf(tx.em, input.context, loaded.procedure.id);
      const site = await this.siteOf(tx.em, context.siteId, input.siteId);
      const assignee = input.assigneeId === null ? null : await this.assignable(tx.em, input.assigneeId);
      const version =
        (await tx.em.findOne(ProcedureVersion, { hash: loaded.version })) ??
        tx.em.create(ProcedureVersion, {
          hash: loaded.version,
          procedureId: loaded.procedure.id,
          file: loaded.file,
          source,
          content: loaded.procedure,
          pinnedAt: new Date(),
        });
      const plan = planOf(loaded.procedure);
      const progress = progressOf(plan, [], 'in_progress');
      const run = tx.em.create(ProcedureRun, {
        procedureVersion: version,
        procedureId: loaded.procedure.id,
        contextKind: input.context.kind,
        contextId: context.id,
        contextLabel: context.label,
        site,
        state: 'in_progress',
        abortReason: null,
        startedBy: await tx.em.findOneOrFail(User, { id: actor.id }),
        startedAt: new Date(),
        assignee,
        endedBy: null,
        endedAt: null,
        signedSteps: progress.signed,
        requiredSteps: progress.required,
        totalSteps: progress.total,
        version: 1,
      });
      await tx.em.flush();
      if (run.contextKind === 'occurrence') await this.contextHooks.occurrence?.started(tx, run);
      const summary = toRunSummary(run);
      await tx.audit({ action: 'run.start', entityType: 'ProcedureRun', entityId: run.id, after: summary });
      tx.announce('run.started', summary, runRooms);
      return detailOf({ run, plan, records: [], evidence: [] });
    });
  }

  /**
   * Signs a step: a first record, or a correction of the current one (`expectedRecordId`). Someone
   * else's record in between answers 409 with the run's current state; the unique (run, step,
   * revision) index makes that hold even across processes.
   */
  async record(
    actor: Actor,
    runId: number,
    stepId: string,
    input: RecordStepInput,
  ): Promise<StepRecordResult> {
    return this.conflictsAsCurrentState(runId, () =>
      this.writer.run(async (tx) => {
        const loaded = await loadRun(tx.em, runId);
        const planned = this.stepOf(loaded, stepId);
        this.assertInProgress(loaded);
        const current = currentRecords(loaded.records);
        const previous = current.get(stepId);
        if ((previous?.id ?? null) !== input.expectedRecordId) {
          throw new DomainError(
            'conflict',
            previous
              ? `This step was already signed by ${previous.performedBy.displayName}; review it before correcting it`
              : 'This step has no record to correct; reload it',
            { current: detailOf(loaded) },
          );
        }
        const blocker = blockingStepOf(loaded.plan, planned, current);
        if (blocker)
          throw rule(`Step "${blocker.step.id}" comes first: this phase is done in order`, 'stepId');
        const now = new Date();
        // The files a record shows must be uploaded for this run: all of them are read only then.
        const evidence = input.evidence.length > 0 ? await loadEvidence(tx.em, loaded.run) : loaded.evidence;
        const checked = checkStepRecord(planned, input, {
          correction: previous !== undefined,
          uploaded: new Set(evidence.map((file) => file.sha256)),
          now,
        });
        const previousRevision = previous
          ? (await tx.em.findOneOrFail(StepRecord, { id: previous.id })).revision
          : 0;
        const record = tx.em.create(StepRecord, {
          run: loaded.run,
          stepId,
          revision: previousRevision + 1,
          supersedes: previous?.id ?? null,
          outcome: input.outcome,
          readingValue: checked.reading?.value ?? null,
          readingUnit: checked.reading?.unit ?? null,
          readingMin: checked.reading?.min ?? null,
          readingMax: checked.reading?.max ?? null,
          inRange: checked.reading?.inRange ?? null,
          deviation: input.deviation,
          comment: input.comment ?? null,
          reason: input.reason ?? null,
          evidence: input.evidence,
          performedBy: await tx.em.findOneOrFail(User, { id: actor.id }),
          performedAt: now,
          deviceTime: input.deviceTime ? new Date(input.deviceTime) : null,
        });
        // The counters only need which records are current (the new one replaces `previous`), not
        // the new id: they go into the same flush as the record.
        const [pending] = toStepRecordDtos([record], [], evidence);
        keepProgress(loaded, [...loaded.records.filter((known) => known.id !== previous?.id), pending!]);
        await tx.em.flush();
        const [dto] = toStepRecordDtos([record], [], evidence);
        if (!dto) throw new Error('the new record has no view');
        const after: LoadedRun = {
          ...loaded,
          records: [
            ...loaded.records.map((known) =>
              known.id === previous?.id ? { ...known, supersededBy: record.id } : known,
            ),
            dto,
          ],
        };
        await tx.audit({ action: 'step.record', entityType: 'StepRecord', entityId: record.id, after: dto });
        const summary = toRunSummary(after.run);
        tx.announce('step.recorded', { run: summary, record: dto }, runRooms);
        tx.announce('run.updated', summary, runRooms);
        return { record: dto, run: detailOf(after), offerIncident: checked.offerIncident };
      }),
    );
  }

  /** A second person verifies a critical step's current record; the performer never verifies their own. */
  async verify(actor: Actor, runId: number, stepId: string, input: VerifyStep): Promise<StepRecordResult> {
    return this.conflictsAsCurrentState(runId, () =>
      this.writer.run(async (tx) => {
        const loaded = await loadRun(tx.em, runId);
        const planned = this.stepOf(loaded, stepId);
        this.assertInProgress(loaded);
        if (!planned.step.critical) throw rule('Only critical steps are verified', 'stepId');
        const current = currentRecords(loaded.records).get(stepId);
        if (!current || current.id !== input.recordId) {
          throw new DomainError('conflict', "This record is no longer the step's current one; reload it", {
            current: detailOf(loaded),
          });
        }
        if (current.verification) {
          throw new DomainError('conflict', `Already verified by ${current.verification.by.displayName}`, {
            current: detailOf(loaded),
          });
        }
        if (current.performedBy.id === actor.id) {
          throw rule('You signed this step: another person must verify it', 'recordId');
        }
        const verification = tx.em.create(StepVerification, {
          record: await tx.em.findOneOrFail(StepRecord, { id: current.id }),
          verifiedBy: await tx.em.findOneOrFail(User, { id: actor.id }),
          verifiedAt: new Date(),
          comment: input.comment ?? null,
        });
        const dto: StepRecordDto = {
          ...current,
          verification: {
            by: toRunUser(verification.verifiedBy),
            at: verification.verifiedAt.toISOString(),
            comment: verification.comment ?? null,
          },
        };
        const after: LoadedRun = {
          ...loaded,
          records: loaded.records.map((known) => (known.id === current.id ? dto : known)),
        };
        keepProgress(after, after.records);
        await tx.em.flush();
        await tx.audit({
          action: 'step.verify',
          entityType: 'StepVerification',
          entityId: verification.id,
          after: dto,
        });
        const summary = toRunSummary(after.run);
        tx.announce('step.verified', { run: summary, record: dto }, runRooms);
        tx.announce('run.updated', summary, runRooms);
        return { record: dto, run: detailOf(after), offerIncident: false };
      }),
    );
  }

  abort(actor: Actor, runId: number, input: AbortRun): Promise<RunDetail> {
    return this.changeRun(runId, input.version, 'run.abort', async (tx, loaded) => {
      this.assertInProgress(loaded);
      loaded.run.state = 'aborted';
      loaded.run.abortReason = input.reason;
      loaded.run.endedBy = await tx.em.findOneOrFail(User, { id: actor.id });
      loaded.run.endedAt = new Date();
      await this.contextEnded(tx, loaded.run);
    });
  }

  /**
   * Completes the run once every required step is signed (and verified where critical) — the rollback
   * steps too when a main step failed; 422 lists the others.
   */
  complete(actor: Actor, runId: number, input: CompleteRun): Promise<RunDetail> {
    return this.changeRun(runId, input.version, 'run.complete', async (tx, loaded) => {
      this.assertInProgress(loaded);
      const current = currentRecords(loaded.records);
      const missing = unsignedSteps(loaded.plan, loaded.records);
      if (missing.length > 0) {
        const rollback = missing.some((planned) => planned.rollback);
        throw new DomainError(
          'rule_violation',
          rollback
            ? `A step failed: sign the rollback steps before completing (${missing.length} step(s) not signed yet)`
            : `${missing.length} step(s) are not signed yet`,
          {
            fields: missing.map((planned) => ({
              path: `steps.${planned.step.id}`,
              message: current.has(planned.step.id)
                ? 'awaiting verification'
                : planned.rollback
                  ? 'rollback step not signed'
                  : 'not signed',
            })),
          },
        );
      }
      loaded.run.state = 'completed';
      loaded.run.endedBy = await tx.em.findOneOrFail(User, { id: actor.id });
      loaded.run.endedAt = new Date();
      await this.contextEnded(tx, loaded.run);
    });
  }

  assign(runId: number, input: UpdateRun): Promise<RunDetail> {
    return this.changeRun(runId, input.version, 'run.assign', async (tx, loaded) => {
      this.assertInProgress(loaded);
      loaded.run.assignee = input.assigneeId === null ? null : await this.assignable(tx.em, input.assigneeId);
    });
  }

  /** Stores an evidence file for a run (content-addressed: sending it again answers the same). */
  async addEvidence(
    actor: Actor,
    runId: number,
    file: UploadedEvidence | undefined,
  ): Promise<RunEvidenceDto> {
    if (!file) {
      throw new DomainError('validation_failed', 'Send the evidence file in a part named "file"', {
        fields: [{ path: 'file', message: 'no file received' }],
      });
    }
    if (file.size === 0) throw rule('The evidence file is empty', 'file');
    const run = await this.em.fork().findOne(ProcedureRun, { id: runId });
    if (!run) throw notFound('Run');
    if (run.state !== 'in_progress')
      throw rule(`This run is ${run.state.replace('_', ' ')}: nothing more can be added`);
    const sha256 = this.evidenceFiles.save(file.buffer);
    return this.writer.run(async (tx) => {
      const existing = await tx.em.findOne(RunEvidence, { run: runId, sha256 }, { populate: ['uploadedBy'] });
      if (existing) return toEvidenceDto(existing);
      const evidence = tx.em.create(RunEvidence, {
        run: tx.em.getReference(ProcedureRun, runId),
        sha256,
        name: safeFileName(file.originalname),
        size: file.size,
        contentType: (file.mimetype || 'application/octet-stream').slice(0, 100),
        uploadedBy: await tx.em.findOneOrFail(User, { id: actor.id }),
        uploadedAt: new Date(),
      });
      await tx.em.flush();
      const dto = toEvidenceDto(evidence);
      await tx.audit({
        action: 'run.evidence',
        entityType: 'RunEvidence',
        entityId: evidence.id,
        after: { runId, ...dto },
      });
      return dto;
    });
  }

  /** A change to the run itself (state, assignee): version check, audit, `run.updated`. */
  private changeRun(
    runId: number,
    version: number | undefined,
    action: string,
    change: (tx: WriteContext, loaded: LoadedRun) => Promise<void>,
  ): Promise<RunDetail> {
    return this.writer.run(async (tx) => {
      const loaded = await loadRun(tx.em, runId);
      if (version !== undefined && loaded.run.version !== version) throw staleVersion(detailOf(loaded));
      const before = toRunSummary(loaded.run);
      await change(tx, loaded);
      loaded.run.version += 1;
      await tx.em.flush();
      const summary = toRunSummary(loaded.run);
      await tx.audit({ action, entityType: 'ProcedureRun', entityId: runId, before, after: summary });
      tx.announce('run.updated', summary, runRooms);
      return detailOf(loaded);
    });
  }

  /** Two writes racing past the in-transaction check (another process) meet the unique index: 409 with the current state. */
  private async conflictsAsCurrentState<T>(runId: number, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      throw new DomainError('conflict', 'Someone else signed this step at the same moment; review it', {
        current: await this.get(runId),
      });
    }
  }

  private stepOf(loaded: LoadedRun, stepId: string): PlannedStep {
    const planned = loaded.plan.steps.find((candidate) => candidate.step.id === stepId);
    if (!planned) throw notFound(`Step "${stepId}" of this run`);
    return planned;
  }

  private assertInProgress(loaded: LoadedRun): void {
    if (loaded.run.state !== 'in_progress') {
      throw rule(`This run is ${loaded.run.state.replace('_', ' ')}: nothing more can be recorded`);
    }
  }

  private async assignable(em: EntityManager, userId: number): Promise<User> {
    const user = await em.findOne(User, { id: userId });
    if (!user || !user.active || !can(user.role, 'run.tick')) {
      throw rule('Assign the run to an active user who may tick steps', 'assigneeId');
    }
    return user;
  }

  private async contextOf(
    em: EntityManager,
    context: RunContextRequest,
    procedureId: string,
  ): Promise<{ id: number | null; label: string | null; siteId: number | null }> {
    switch (context.kind) {
      case 'none':
        return { id: null, label: null, siteId: null };
      case 'occurrence': {
        const hook = this.contextHooks.occurrence;
        if (!hook) throw rule('Recurring task occurrences are not available', 'context.kind');
        return hook.resolve(em, context.id, procedureId);
      }
      case 'incident': {
        const incident = await em.findOne(Incident, { id: context.id }, { filters: false });
        if (!incident) throw rule('There is no such incident', 'context.id');
        if (incident.status === 'closed' || incident.status === 'cancelled') {
          throw rule(`Incident ${incidentReferenceOf(incident.id)} is ${incident.status}`, 'context.id');
        }
        return {
          id: incident.id,
          label: `${incidentReferenceOf(incident.id)} · ${incident.title}`.slice(0, 300),
          siteId: incident.site?.id ?? null,
        };
      }
    }
  }

  /** The run's site: its context's, else the one asked for a free run (which must exist). */
  private async siteOf(
    em: EntityManager,
    contextSiteId: number | null,
    asked: number | undefined,
  ): Promise<Site | null> {
    if (contextSiteId !== null && asked !== undefined && asked !== contextSiteId) {
      throw rule("The run is done on its incident's or occurrence's site", 'siteId');
    }
    const siteId = contextSiteId ?? asked;
    if (siteId === undefined) return null;
    const site = await em.findOne(Site, { id: siteId });
    if (!site) throw rule('There is no such site', 'siteId');
    return site;
  }

  /** Lets the run's context follow its end (an occurrence becomes done, or startable again). */
  private async contextEnded(tx: WriteContext, run: ProcedureRun): Promise<void> {
    if (run.contextKind === 'occurrence') await this.contextHooks.occurrence?.ended(tx, run);
  }

  /** The file's bytes if they still are the loaded version (the file may have changed since the last reload). */
  private sourceOf(file: string, version: string): string | null {
    try {
      const bytes = readFileSync(join(this.library.folder, file));
      return procedureVersion(bytes) === version ? bytes.toString('utf8') : null;
    } catch {
      return null;
    }
  }
}

/** After a record or verification, before the flush that stores it: the progress counters kept, the version bumped. */
function keepProgress(loaded: LoadedRun, records: readonly StepRecordDto[]): void {
  const progress = progressOf(loaded.plan, records, loaded.run.state);
  Object.assign(loaded.run, {
    signedSteps: progress.signed,
    // Grows by the rollback steps once a main step failed (see `unsignedSteps`).
    requiredSteps: progress.required,
    awaitingVerification: progress.awaitingVerification,
    failedSteps: progress.failed,
    outOfRangeSteps: progress.outOfRange,
    version: loaded.run.version + 1,
  });
}

/** A display name for an uploaded file: no folders, no control characters, at most 200 characters. */
function safeFileName(name: string): string {
  // Multer reads multipart file names as latin1; browsers send UTF-8.
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  const base = decoded.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
  return (cleaned || 'evidence').slice(0, 200);
}
