import { type Procedure, procedureSchema, type StepRecord } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import {
  blockingStepOf,
  currentRecords,
  needsRollback,
  planOf,
  progressOf,
  runStepsOf,
  unsignedSteps,
} from './run-plan.js';

const text = (en: string) => ({ fr: en, en });
const procedure: Procedure = procedureSchema.parse({
  id: 'p',
  title: text('P'),
  kind: 'MOP',
  risk: 'high',
  applies_to: ['ups'],
  estimated_minutes: 10,
  phases: [
    {
      id: 'one',
      title: text('One'),
      steps: [
        { id: 'a', text: text('A') },
        { id: 'b', text: text('B') },
      ],
    },
    {
      id: 'two',
      title: text('Two'),
      free_order: true,
      steps: [
        { id: 'c', text: text('C'), critical: true },
        { id: 'd', text: text('D') },
      ],
    },
    { id: 'three', title: text('Three'), steps: [{ id: 'e', text: text('E') }] },
  ],
  rollback: [{ id: 'r', text: text('R') }],
});

let nextId = 1;
const record = (stepId: string, extra: Partial<StepRecord> = {}): StepRecord => ({
  id: nextId++,
  runId: 1,
  stepId,
  outcome: 'done',
  reading: null,
  deviation: false,
  comment: null,
  reason: null,
  performedBy: { id: 1, displayName: 'Tech' },
  performedAt: '2026-11-23T10:00:00.000Z',
  deviceTime: null,
  verification: null,
  evidence: [],
  supersedes: null,
  supersededBy: null,
  ...extra,
});

describe('run plan', () => {
  const plan = planOf(procedure);
  const step = (id: string) => plan.steps.find((planned) => planned.step.id === id)!;

  it('orders ordered phases step by step, a free-order phase as one group, rollback apart', () => {
    expect(plan.steps.map((planned) => [planned.step.id, planned.group, planned.rollback])).toEqual([
      ['a', 0, false],
      ['b', 1, false],
      ['c', 2, false],
      ['d', 2, false],
      ['e', 3, false],
      ['r', null, true],
    ]);
  });

  it('blocks a step until every earlier group is recorded, never inside a free-order phase', () => {
    const none = new Map<string, StepRecord>();
    expect(blockingStepOf(plan, step('b'), none)?.step.id).toBe('a');
    expect(blockingStepOf(plan, step('r'), none)).toBeUndefined();
    const ab = currentRecords([record('a'), record('b')]);
    expect(blockingStepOf(plan, step('d'), ab)).toBeUndefined();
    expect(blockingStepOf(plan, step('e'), ab)?.step.id).toBe('c');
    expect(
      blockingStepOf(plan, step('e'), currentRecords([record('a'), record('b'), record('d'), record('c')])),
    ).toBeUndefined();
  });

  it('takes the record no one superseded as current', () => {
    const first = record('a', { supersededBy: 99 });
    const second = record('a', { supersedes: first.id });
    expect(currentRecords([first, second]).get('a')).toBe(second);
  });

  it('counts a critical step as signed only once verified, and requires rollback steps once a step failed', () => {
    const verified = { by: { id: 2, displayName: 'Other' }, at: '2026-11-23T10:01:00.000Z', comment: null };
    const succeeded = [
      record('a'),
      record('b'),
      record('c', { verification: verified }),
      record('d'),
      record('e'),
    ];
    expect(needsRollback(plan, currentRecords(succeeded))).toBe(false);
    expect(unsignedSteps(plan, succeeded)).toEqual([]);
    expect(progressOf(plan, succeeded, 'in_progress').readyToComplete).toBe(true);

    const records = [
      record('a'),
      record('b'),
      record('c'),
      record('d'),
      record('e', { outcome: 'failed', reason: 'x' }),
    ];
    expect(needsRollback(plan, currentRecords(records))).toBe(true);
    expect(unsignedSteps(plan, records).map((planned) => planned.step.id)).toEqual(['c', 'r']);
    // The rollback step joins the required ones.
    expect(progressOf(plan, records, 'in_progress')).toEqual({
      signed: 4,
      required: 6,
      total: 6,
      awaitingVerification: 1,
      failed: 1,
      outOfRange: 0,
      readyToComplete: false,
    });
    const verifiedC = records.map((r) => (r.stepId === 'c' ? { ...r, verification: verified } : r));
    expect(progressOf(plan, verifiedC, 'in_progress')).toMatchObject({
      signed: 5,
      required: 6,
      readyToComplete: false,
    });
    const rolledBack = [
      ...verifiedC,
      record('r', { outcome: 'not_applicable', reason: 'nothing changed yet' }),
    ];
    expect(unsignedSteps(plan, rolledBack)).toEqual([]);
    expect(progressOf(plan, rolledBack, 'in_progress')).toMatchObject({
      signed: 6,
      required: 6,
      readyToComplete: true,
    });
    expect(progressOf(plan, rolledBack, 'completed').readyToComplete).toBe(false);
    const steps = runStepsOf(plan, verifiedC);
    expect(steps.map((s) => [s.id, s.status, s.verification])).toEqual([
      ['a', 'done', 'not_required'],
      ['b', 'done', 'not_required'],
      ['c', 'done', 'verified'],
      ['d', 'done', 'not_required'],
      ['e', 'failed', 'not_required'],
      ['r', 'pending', 'not_required'],
    ]);
  });
});
