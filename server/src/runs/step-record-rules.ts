import { type FieldError, outcomesNeedingReason, type StepReading } from '@vigie/shared';
import type { z } from 'zod';
import type { recordStepSchema } from '@vigie/shared';
import { DomainError } from '../common/domain-error.js';
import type { PlannedStep } from './run-plan.js';

export type RecordStepInput = z.output<typeof recordStepSchema>;

/** How far ahead of the server a device clock may be before its time is refused. */
const maxDeviceClockAheadMs = 5 * 60 * 1000;

export interface CheckedRecord {
  /** The reading with the pinned step's unit and range, and the verdict. */
  reading: StepReading | null;
  /** Out of range: recorded and flagged; the client offers to open an incident. */
  offerIncident: boolean;
}

/**
 * The sign-off rules of one record that depend only on the step and the request: reasons, reading
 * and range, evidence, device time. Every broken rule is reported at once (422 with fields).
 */
export function checkStepRecord(
  planned: PlannedStep,
  input: RecordStepInput,
  context: { correction: boolean; uploaded: ReadonlySet<string>; now: Date },
): CheckedRecord {
  const fields: FieldError[] = [];
  const { step } = planned;
  const needsReason = outcomesNeedingReason.includes(input.outcome) || input.deviation || context.correction;
  if (needsReason && !input.reason) {
    const why = context.correction
      ? 'a correction'
      : input.deviation
        ? 'a deviation'
        : `a step marked ${input.outcome.replace('_', ' ')}`;
    fields.push({ path: 'reason', message: `give the reason for ${why}` });
  }

  let reading: StepReading | null = null;
  if (input.reading !== undefined) {
    if (!step.reading) {
      fields.push({ path: 'reading', message: 'this step takes no reading' });
    } else if (input.outcome === 'skipped' || input.outcome === 'not_applicable') {
      fields.push({ path: 'reading', message: 'a skipped or not applicable step takes no reading' });
    } else {
      const { unit, min, max } = step.reading;
      const inRange =
        (min === undefined || input.reading >= min) && (max === undefined || input.reading <= max);
      reading = { value: input.reading, unit, min: min ?? null, max: max ?? null, inRange };
    }
  } else if (step.reading && input.outcome === 'done') {
    fields.push({
      path: 'reading',
      message: `enter the ${step.reading.label.en.toLowerCase()} (${step.reading.unit})`,
    });
  }

  if (step.evidence && input.outcome === 'done' && input.evidence.length === 0) {
    fields.push({ path: 'evidence', message: 'this step needs an evidence file' });
  }
  input.evidence.forEach((hash, index) => {
    if (!context.uploaded.has(hash)) {
      fields.push({ path: `evidence.${index}`, message: 'no such evidence file was uploaded for this run' });
    }
  });

  if (input.deviceTime && Date.parse(input.deviceTime) > context.now.getTime() + maxDeviceClockAheadMs) {
    fields.push({ path: 'deviceTime', message: 'is in the future: check the device clock' });
  }

  if (fields.length > 0) {
    throw new DomainError('rule_violation', 'This step cannot be signed like this', { fields });
  }
  return { reading, offerIncident: reading !== null && !reading.inRange };
}
