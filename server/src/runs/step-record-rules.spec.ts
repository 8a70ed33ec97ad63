import { type ProcedureStep, recordStepSchema } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../common/domain-error.js';
import type { PlannedStep } from './run-plan.js';
import { checkStepRecord } from './step-record-rules.js';

const planned = (step: Partial<ProcedureStep>): PlannedStep => ({
  step: { id: 's', text: { fr: 'S', en: 'S' }, critical: false, evidence: false, ...step },
  phaseId: null,
  rollback: false,
  group: 0,
});
const reading = { label: { fr: 'Charge', en: 'Load' }, unit: '%' as const, min: 10, max: 80 };
const now = new Date('2026-11-23T12:00:00Z');
const check = (step: PlannedStep, body: object, correction = false, uploaded: string[] = []) =>
  checkStepRecord(step, recordStepSchema.parse(body), { correction, uploaded: new Set(uploaded), now });
const fieldsOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error.details.fields?.map((field) => field.path);
    throw error;
  }
  return [];
};

describe('checkStepRecord', () => {
  it('flags a reading out of range, bounds included in range', () => {
    const step = planned({ reading });
    expect(check(step, { outcome: 'done', reading: 80 })).toEqual({
      reading: { value: 80, unit: '%', min: 10, max: 80, inRange: true },
      offerIncident: false,
    });
    expect(check(step, { outcome: 'done', reading: 9.99 }).offerIncident).toBe(true);
    expect(
      check(planned({ reading: { ...reading, max: undefined } }), { outcome: 'done', reading: 1e6 }).reading,
    ).toMatchObject({
      max: null,
      inRange: true,
    });
  });

  it('reports every broken rule at once', () => {
    const step = planned({ reading, evidence: true });
    expect(
      fieldsOf(() => check(step, { outcome: 'done', deviation: true, evidence: ['a'.repeat(64)] })),
    ).toEqual(['reason', 'reading', 'evidence.0']);
    expect(fieldsOf(() => check(step, { outcome: 'done', reading: 50 }))).toEqual(['evidence']);
    expect(fieldsOf(() => check(step, { outcome: 'skipped', reason: 'n/a', reading: 50 }))).toEqual([
      'reading',
    ]);
  });

  it('asks a reason for a correction, and refuses a device clock far in the future', () => {
    expect(fieldsOf(() => check(planned({}), { outcome: 'done' }, true))).toEqual(['reason']);
    expect(
      fieldsOf(() => check(planned({}), { outcome: 'done', deviceTime: '2026-11-23T12:10:00Z' })),
    ).toEqual(['deviceTime']);
    expect(check(planned({}), { outcome: 'done', deviceTime: '2026-11-23T12:04:00Z' }).reading).toBeNull();
  });

  it('needs no evidence for a step not done', () => {
    expect(
      check(planned({ evidence: true }), { outcome: 'skipped', reason: 'camera broken' }).offerIncident,
    ).toBe(false);
  });
});
