import type { Locale, ProcedureReading } from '@vigie/shared';

const numberLocales: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(numberLocales[locale], { maximumFractionDigits: 3 }).format(value);
}

/** The acceptable range of a reading, e.g. "18 – 27 °C", "≥ 40 %", "≤ 60 %RH". */
export function formatReadingRange(
  reading: Pick<ProcedureReading, 'min' | 'max' | 'unit'>,
  locale: Locale,
): string {
  const { min, max, unit } = reading;
  if (min !== undefined && max !== undefined) {
    return `${formatNumber(min, locale)} – ${formatNumber(max, locale)} ${unit}`;
  }
  if (min !== undefined) return `≥ ${formatNumber(min, locale)} ${unit}`;
  return `≤ ${formatNumber(max ?? 0, locale)} ${unit}`;
}

/** Whether a value lies in the acceptable range (bounds included), as the server decides it. */
export function isInRange(value: number, reading: Pick<ProcedureReading, 'min' | 'max'>): boolean {
  return (
    (reading.min === undefined || value >= reading.min) && (reading.max === undefined || value <= reading.max)
  );
}

/**
 * Reads a number typed by a technician: a French decimal comma is accepted ("42,5").
 * Null for an empty or non-numeric entry.
 */
export function parseReadingInput(input: string): number | null {
  const normalized = input.trim().replace(/\s/g, '').replace(',', '.');
  if (normalized === '' || !/^[-+]?\d*\.?\d+(e[-+]?\d+)?$/i.test(normalized)) return null;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : null;
}
