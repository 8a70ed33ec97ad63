import type { CapacityFigures } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import { createTranslate } from '../../../lib/i18n/translate';
import { capacityReadings } from './capacity-text';

const figures: CapacityFigures = {
  rackCount: 1,
  uTotal: 42,
  uUsed: 4,
  uFree: 38,
  uUsedPercent: 9.52,
  powerBudgetW: 8000,
  powerAllocatedW: 8400,
  powerPercent: 105,
  weightMaxKg: 0,
  weightKg: 30.5,
  weightPercent: null,
};

describe('capacity readings', () => {
  it('word units, power in kW and weight with their limit and percentage, in English', () => {
    const readings = capacityReadings(figures, 'en', createTranslate('en'));
    expect(readings.map((reading) => reading.text)).toEqual([
      '4 U used of 42 U, 38 U free (10%)',
      '8.4 kW allocated of 8 kW (105%, over the limit)',
      '30.5 kg of 0 kg (no limit set)',
    ]);
    expect(readings.map((reading) => [reading.percent, reading.band])).toEqual([
      [10, 'low'],
      [105, 'over'],
      [null, 'unknown'],
    ]);
  });

  it('use French number formats in French', () => {
    const [, power] = capacityReadings(figures, 'fr', createTranslate('fr'));
    expect(power!.text).toBe('8,4 kW alloués sur 8 kW (105 %, dépassement)');
  });
});
