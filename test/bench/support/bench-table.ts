import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';
import { expect } from 'vitest';

/**
 * One figure of the benchmark suite: Vigie's samples beside a baseline's, measured in the same run on
 * the same machine. The suite prints every figure as ratio (median and p95) plus absolute values.
 */
export interface BenchFigure {
  /** What is measured, e.g. `steering report, a year of a large client`. */
  name: string;
  /** The baseline it is compared with, e.g. `the same aggregates in raw SQL`. */
  baseline: string;
  unit: 'ms' | 'µs' | 'MB' | 'KB' | 'ops/s';
  /** `lower` for times and memory, `higher` for throughputs: the ratio is always "Vigie ÷ baseline". */
  better: 'lower' | 'higher';
  samples: readonly number[];
  baselineSamples: readonly number[];
  /** The target on the median ratio, when the issue sets one (e.g. 1.5 for "≤ 1.5×"). */
  targetRatio?: number;
  /**
   * The tail shown beside the median (`p95` in the summary): 0.95 unless the figure asks for another
   * (e.g. 0.99). For `higher` figures the bad tail is the low end (p95 of 20 ops/s samples: the 5th percentile).
   */
  tail?: number;
}

export interface FigureSummary {
  median: number;
  p95: number;
  baselineMedian: number;
  baselineP95: number;
  ratioMedian: number;
  ratioP95: number;
  meetsTarget: boolean | null;
}

/** One line of `VIGIE_BENCH_RESULTS`: the figure, its summary and the bench file it came from. */
export interface RecordedFigure extends BenchFigure {
  file: string;
  summary: FigureSummary;
}

export type BenchScale = 'full' | 'smoke';

/** `VIGIE_BENCH_SCALE`: `full` (default, `./vigie bench`) or `smoke` (tiny sizes, part of `pnpm test`). */
export function benchScale(): BenchScale {
  const scale = process.env.VIGIE_BENCH_SCALE ?? 'full';
  if (scale !== 'full' && scale !== 'smoke')
    throw new Error(`VIGIE_BENCH_SCALE must be full or smoke, not ${scale}`);
  return scale;
}

/** Picks a size (or anything) by the scale. */
export function atScale<T>(sizes: Record<BenchScale, T>): T {
  return sizes[benchScale()];
}

/** Repetitions of a measurement: `BENCH_RUNS` when set, else `full` (or `smoke`, 3 unless told). */
export function benchRuns(full: number, smoke = 3): number {
  if (process.env.BENCH_RUNS) return Number(process.env.BENCH_RUNS);
  return atScale({ full, smoke });
}

/** Nearest rank: the smallest sample with at least `q` of the samples at or below it. */
export function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

export function summarise(figure: BenchFigure): FigureSummary {
  // The bad tail: slow times and heavy memory are high, slow throughputs are low.
  const tail = figure.better === 'lower' ? (figure.tail ?? 0.95) : 1 - (figure.tail ?? 0.95);
  const median = quantile(figure.samples, 0.5);
  const p95 = quantile(figure.samples, tail);
  const baselineMedian = quantile(figure.baselineSamples, 0.5);
  const baselineP95 = quantile(figure.baselineSamples, tail);
  const ratio = (value: number, base: number) => (figure.better === 'lower' ? value / base : base / value);
  const ratioMedian = ratio(median, baselineMedian);
  return {
    median,
    p95,
    baselineMedian,
    baselineP95,
    ratioMedian,
    ratioP95: ratio(p95, baselineP95),
    meetsTarget: figure.targetRatio === undefined ? null : ratioMedian <= figure.targetRatio,
  };
}

let recordedHere = 0;

/** How many figures this bench file has recorded (the suite's setup fails a file that records none). */
export function figuresRecorded(): number {
  return recordedHere;
}

function benchFile(): string {
  const path = expect.getState().testPath;
  return path ? relative(process.cwd(), path) : 'unknown';
}

/**
 * Records a figure: printed at once, and appended to `VIGIE_BENCH_RESULTS` (JSON lines) when set,
 * so the suite can print one table at the end. Throws when a figure is not a finite number: that
 * is what the smoke run checks.
 */
export function recordFigure(figure: BenchFigure): FigureSummary {
  const summary = summarise(figure);
  const broken = Object.entries(summary).filter(
    ([key, value]) => key !== 'meetsTarget' && !Number.isFinite(value),
  );
  if (broken.length)
    throw new Error(
      `${figure.name}: not a finite figure (${broken.map(([key, value]) => `${key}=${String(value)}`).join(', ')};` +
        ` ${figure.samples.length} samples, ${figure.baselineSamples.length} baseline samples)`,
    );
  recordedHere += 1;
  const target =
    summary.meetsTarget === null
      ? ''
      : ` (target ≤ ${figure.targetRatio}×: ${summary.meetsTarget ? 'met' : 'MISSED'})`;
  console.log(
    `${figure.name}: ${summary.ratioMedian.toFixed(2)}× ${figure.baseline} (p${Math.round((figure.tail ?? 0.95) * 100)}` +
      ` ${summary.ratioP95.toFixed(2)}×) — ${summary.median.toFixed(2)} vs ${summary.baselineMedian.toFixed(2)} ${figure.unit}${target}`,
  );
  const file = process.env.VIGIE_BENCH_RESULTS;
  if (file) {
    const line: RecordedFigure = { ...figure, file: benchFile(), summary };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  }
  return summary;
}
