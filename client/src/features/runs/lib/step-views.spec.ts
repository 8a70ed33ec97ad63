import type { RunDetail, RunStep } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import type { QueuedTick } from '../offline/tick-store';
import { buildStepViews, firstOpenStep } from './step-views';

const text = { fr: 'x', en: 'x' };
const user = { id: 1, displayName: 'Théo' };

function step(id: string, status: RunStep['status'], extra: Partial<RunStep> = {}): RunStep {
  return {
    id,
    phaseId: null,
    rollback: false,
    text,
    expected: null,
    reading: null,
    critical: false,
    evidenceRequired: false,
    status,
    verification: 'not_required',
    current: null,
    history: [],
    ...extra,
  };
}

function run(steps: RunStep[], phases: RunDetail['phases'] = []): RunDetail {
  return {
    id: 5,
    procedure: { id: 'p', version: 'a'.repeat(64), title: text, kind: 'SOP', risk: 'low' },
    context: { kind: 'none', id: null, label: null },
    state: 'in_progress',
    abortReason: null,
    startedBy: user,
    startedAt: '2026-11-23T10:00:00.000Z',
    assignee: null,
    endedBy: null,
    endedAt: null,
    progress: {
      signed: 0,
      required: steps.length,
      total: steps.length,
      awaitingVerification: 0,
      failed: 0,
      outOfRange: 0,
      readyToComplete: false,
    },
    version: 1,
    prerequisites: [],
    phases,
    steps,
  };
}

function queued(stepId: string, state: QueuedTick['state'] = 'queued'): QueuedTick {
  return {
    id: 1,
    idempotencyKey: `k-${stepId}`,
    userId: 1,
    runId: 5,
    stepId,
    body: { outcome: 'done', deviceTime: '2026-11-23T10:00:00.000Z' },
    evidence: [],
    state,
    conflict: null,
    attempts: 0,
  };
}

describe('buildStepViews', () => {
  it('opens the next step in order only', () => {
    const views = buildStepViews(run([step('a', 'done'), step('b', 'pending'), step('c', 'blocked')]), []);
    expect(views.map((v) => [v.step.id, v.status, v.canSign])).toEqual([
      ['a', 'done', false],
      ['b', 'pending', true],
      ['c', 'blocked', false],
    ]);
    expect(firstOpenStep(views)).toBe(1);
  });

  it('lets an offline technician go on once every earlier step has a tick waiting', () => {
    const views = buildStepViews(run([step('a', 'pending'), step('b', 'blocked'), step('c', 'blocked')]), [
      queued('a'),
      queued('b'),
    ]);
    expect(views.map((v) => [v.step.id, v.status, v.canSign])).toEqual([
      ['a', 'waiting', false],
      ['b', 'waiting', false],
      ['c', 'pending', true],
    ]);
  });

  it('does not count a refused tick as covering the order, and shows the conflict', () => {
    const views = buildStepViews(run([step('a', 'pending'), step('b', 'blocked')]), [
      queued('a', 'conflict'),
    ]);
    expect(views[0]).toMatchObject({ status: 'pending', canSign: true });
    expect(views[0]!.conflicts).toHaveLength(1);
    expect(views[1]!.canSign).toBe(false);
  });

  it('does not hold a free-order step behind its siblings, and numbers rollback steps apart', () => {
    const views = buildStepViews(
      run(
        [
          step('a', 'pending', { phaseId: 'free' }),
          step('b', 'blocked', { phaseId: 'free' }),
          step('r1', 'pending', { rollback: true }),
        ],
        [{ id: 'free', title: text, freeOrder: true }],
      ),
      [],
    );
    expect(views.map((v) => [v.step.id, v.number, v.status, v.canSign])).toEqual([
      ['a', 1, 'pending', true],
      ['b', 2, 'pending', true],
      ['r1', 1, 'pending', true],
    ]);
  });

  it('opens first, for a second person, the step awaiting their verification', () => {
    const record = {
      id: 9,
      runId: 5,
      stepId: 'a',
      outcome: 'done' as const,
      reading: null,
      deviation: false,
      comment: null,
      reason: null,
      performedBy: user,
      performedAt: '2026-11-23T10:00:00.000Z',
      deviceTime: null,
      verification: null,
      evidence: [],
      supersedes: null,
      supersededBy: null,
    };
    const views = buildStepViews(
      run([
        step('a', 'done', { critical: true, verification: 'awaiting', current: record, history: [record] }),
        step('b', 'pending'),
      ]),
      [],
    );
    expect(firstOpenStep(views, 2)).toBe(0);
    // The performer cannot verify their own record: their next step is the one to sign.
    expect(firstOpenStep(views, user.id)).toBe(1);
    expect(firstOpenStep(views)).toBe(1);
  });

  it('signs nothing on a run that has ended', () => {
    const ended = { ...run([step('a', 'pending')]), state: 'aborted' as const };
    expect(buildStepViews(ended, [])[0]!.canSign).toBe(false);
  });
});
