import { pdfText, type PdfArea } from '../../common/pdf/pdf-document.js';

/**
 * Vector charts drawn with pdfkit's own path operators (no raster image, no browser): stacked bars
 * and lines with labelled axes and a legend. Series differ by hatching, markers and dashes as well
 * as by colour, so that the pack stays readable printed in black and white.
 */

type Doc = PDFKit.PDFDocument;

export type Hatch = 'none' | 'diagonal' | 'cross' | 'horizontal' | 'vertical';
export type Marker = 'circle' | 'square' | 'triangle' | 'diamond';

export interface BarStyle {
  fill: string;
  hatch: Hatch;
}

export interface LineStyle {
  color: string;
  marker: Marker;
  /** Dash length in points; 0 for a solid line. */
  dash: number;
}

export interface ChartAxes {
  /** The x axis title and one label per category. */
  xTitle: string;
  xLabels: readonly string[];
  yTitle: string;
  /** Formats a tick or value label of the y axis. */
  yFormat: (value: number) => string;
  /** The text where a value is missing (a gap in a line). */
  noData: string;
}

export interface BarSeries {
  name: string;
  style: BarStyle;
  values: readonly number[];
}

export interface LineSeries {
  name: string;
  style: LineStyle;
  values: readonly (number | null)[];
}

/** Bar fills for up to five series: luminance, hatching and colour all differ. */
export const barStyles: readonly BarStyle[] = [
  { fill: '#7f1d1d', hatch: 'none' },
  { fill: '#f97316', hatch: 'diagonal' },
  { fill: '#fde047', hatch: 'cross' },
  { fill: '#60a5fa', hatch: 'horizontal' },
  { fill: '#e5e7eb', hatch: 'vertical' },
];

export const lineStyles: readonly LineStyle[] = [
  { color: '#1d4ed8', marker: 'circle', dash: 0 },
  { color: '#b91c1c', marker: 'square', dash: 4 },
  { color: '#15803d', marker: 'triangle', dash: 1.5 },
  { color: '#6b21a8', marker: 'diamond', dash: 7 },
];

const ink = '#222222';
const grid = '#c8c8c8';

interface Plot {
  left: number;
  right: number;
  top: number;
  bottom: number;
  min: number;
  max: number;
  step: number;
}

/** A round step giving about `count` ticks over `span`: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const ratio = raw / power;
  const nice = ratio <= 1 ? 1 : ratio <= 2 ? 2 : ratio <= 2.5 ? 2.5 : ratio <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * The y range [min, max, step]: from zero, or (`fromZero: false`, percentages close to 100) from a
 * round floor under the lowest value; up to a round ceiling, or to `ceiling` when every value fits under it.
 */
export function yRange(
  values: readonly number[],
  options: { fromZero?: boolean; ceiling?: number },
): [number, number, number] {
  const measured = values.length > 0 ? values : [0];
  const highest = Math.max(...measured);
  let low = options.fromZero === false ? Math.min(...measured) : 0;
  if (low >= highest) low = Math.max(0, highest - 1);
  const roughStep = niceStep(Math.max(highest - low, 1e-9), 5);
  const max =
    options.ceiling !== undefined && highest <= options.ceiling
      ? options.ceiling
      : Math.max(Math.ceil(highest / roughStep) * roughStep, 1);
  const roughMin = Math.max(0, Math.floor(low / roughStep) * roughStep);
  // Ticks at round values: both ends on multiples of the final step.
  const step = niceStep(max - roughMin, 5);
  return [Math.floor(roughMin / step) * step, Math.ceil(max / step - 1e-9) * step, step];
}

const yOf = (plot: Plot, value: number) =>
  plot.bottom - ((value - plot.min) / (plot.max - plot.min || 1)) * (plot.bottom - plot.top);

function text(doc: Doc, value: string, x: number, y: number, options: PDFKit.Mixins.TextOptions): void {
  doc.text(pdfText(value), x, y, { lineBreak: false, ...options });
}

/** Axes, grid, tick labels and titles; answers the plotting rectangle. */
function drawAxes(
  doc: Doc,
  area: PdfArea,
  axes: ChartAxes,
  range: [number, number, number],
  legendRows: number,
): Plot {
  const [min, max, step] = range;
  const plot: Plot = {
    left: area.x + 46,
    right: area.x + area.width - 8,
    top: area.y + 6,
    bottom: area.y + area.height - 34 - legendRows * 12,
    min,
    max,
    step,
  };
  doc.font('Helvetica').fontSize(7).fillColor(ink);
  for (let tick = min; tick <= max + step / 1000; tick += step) {
    const y = yOf(plot, tick);
    doc.moveTo(plot.left, y).lineTo(plot.right, y).lineWidth(0.4).strokeColor(grid).stroke();
    text(doc, axes.yFormat(tick), area.x + 8, y - 3, { width: 35, align: 'right' });
  }
  doc
    .moveTo(plot.left, plot.top)
    .lineTo(plot.left, plot.bottom)
    .lineTo(plot.right, plot.bottom)
    .lineWidth(0.8)
    .strokeColor(ink)
    .stroke();
  // The y axis title reads bottom to top along the axis.
  doc.save();
  const middle = (plot.top + plot.bottom) / 2;
  doc.rotate(-90, { origin: [area.x + 2, middle] });
  text(doc, axes.yTitle, area.x + 2 - 60, middle - 1, { width: 120, align: 'center' });
  doc.restore();
  const slot = (plot.right - plot.left) / Math.max(axes.xLabels.length, 1);
  axes.xLabels.forEach((label, index) => {
    text(doc, label, plot.left + index * slot, plot.bottom + 4, { width: slot, align: 'center' });
  });
  text(doc, axes.xTitle, plot.left, plot.bottom + 15, { width: plot.right - plot.left, align: 'center' });
  return plot;
}

function hatch(doc: Doc, x: number, y: number, width: number, height: number, kind: Hatch): void {
  if (kind === 'none' || width <= 0 || height <= 0) return;
  doc.save();
  doc.rect(x, y, width, height).clip();
  doc.lineWidth(0.6).strokeColor('#000000');
  const gap = 4;
  if (kind === 'diagonal' || kind === 'cross')
    for (let offset = -height; offset < width; offset += gap)
      doc
        .moveTo(x + offset, y + height)
        .lineTo(x + offset + height, y)
        .stroke();
  if (kind === 'cross')
    for (let offset = -height; offset < width; offset += gap)
      doc
        .moveTo(x + offset, y)
        .lineTo(x + offset + height, y + height)
        .stroke();
  if (kind === 'horizontal')
    for (let line = y + gap / 2; line < y + height; line += gap)
      doc
        .moveTo(x, line)
        .lineTo(x + width, line)
        .stroke();
  if (kind === 'vertical')
    for (let line = x + gap / 2; line < x + width; line += gap)
      doc
        .moveTo(line, y)
        .lineTo(line, y + height)
        .stroke();
  doc.restore();
}

function box(doc: Doc, x: number, y: number, width: number, height: number, style: BarStyle): void {
  doc.rect(x, y, width, height).fillColor(style.fill).fill();
  hatch(doc, x, y, width, height, style.hatch);
  doc.rect(x, y, width, height).lineWidth(0.5).strokeColor(ink).stroke();
}

function marker(doc: Doc, x: number, y: number, style: LineStyle): void {
  const r = 2.6;
  doc.undash().lineWidth(0.8).fillColor(style.color).strokeColor(ink);
  if (style.marker === 'circle') doc.circle(x, y, r);
  else if (style.marker === 'square') doc.rect(x - r, y - r, 2 * r, 2 * r);
  else if (style.marker === 'triangle')
    doc.polygon([x, y - r - 0.6], [x + r + 0.4, y + r - 0.4], [x - r - 0.4, y + r - 0.4]);
  else doc.polygon([x, y - r - 0.8], [x + r + 0.8, y], [x, y + r + 0.8], [x - r - 0.8, y]);
  doc.fillAndStroke(style.color, ink);
}

interface LegendEntry {
  name: string;
  draw: (x: number, y: number) => void;
}

/** The legend under the x axis title, wrapped onto as many rows as needed. */
function drawLegend(doc: Doc, area: PdfArea, entries: readonly LegendEntry[]): void {
  doc.font('Helvetica').fontSize(7);
  let x = area.x + 46;
  let y = area.y + area.height - 12 * legendRowsOf(doc, area, entries);
  for (const entry of entries) {
    const width = 22 + doc.widthOfString(pdfText(entry.name)) + 12;
    if (x + width > area.x + area.width) {
      x = area.x + 46;
      y += 12;
    }
    entry.draw(x, y + 3.5);
    doc.fillColor(ink);
    text(doc, entry.name, x + 22, y, {});
    x += width;
  }
}

function legendRowsOf(doc: Doc, area: PdfArea, entries: readonly LegendEntry[]): number {
  doc.font('Helvetica').fontSize(7);
  let rows = 1;
  let x = area.x + 46;
  for (const entry of entries) {
    const width = 22 + doc.widthOfString(pdfText(entry.name)) + 12;
    if (x + width > area.x + area.width) {
      rows += 1;
      x = area.x + 46;
    }
    x += width;
  }
  return rows;
}

/** Stacked bars, one per x label, one segment per series (bottom to top in series order). */
export function stackedBarChart(
  doc: Doc,
  area: PdfArea,
  axes: ChartAxes,
  series: readonly BarSeries[],
): void {
  const totals = axes.xLabels.map((_, index) =>
    series.reduce((sum, each) => sum + (each.values[index] ?? 0), 0),
  );
  const legend: LegendEntry[] = series.map((each) => ({
    name: each.name,
    draw: (x, y) => box(doc, x, y - 4, 16, 8, each.style),
  }));
  // Counts tick at whole numbers.
  const [, roughMax, roughStep] = yRange(totals, {});
  const step = Math.max(1, Math.ceil(roughStep));
  const range: [number, number, number] = [0, Math.ceil(roughMax / step) * step, step];
  const plot = drawAxes(doc, area, axes, range, legendRowsOf(doc, area, legend));
  const slot = (plot.right - plot.left) / Math.max(axes.xLabels.length, 1);
  const width = Math.min(slot * 0.6, 48);
  axes.xLabels.forEach((_, index) => {
    const x = plot.left + index * slot + (slot - width) / 2;
    let base = 0;
    for (const each of series) {
      const value = each.values[index] ?? 0;
      if (value > 0) {
        const top = yOf(plot, base + value);
        box(doc, x, top, width, yOf(plot, base) - top, each.style);
      }
      base += value;
    }
    doc.font('Helvetica-Bold').fontSize(7).fillColor(ink);
    text(doc, axes.yFormat(totals[index] ?? 0), x - 10, yOf(plot, base) - 9, {
      width: width + 20,
      align: 'center',
    });
  });
  drawLegend(doc, area, legend);
}

/** Lines with a marker on every measured point; a missing value breaks the line and is marked on the axis. */
export function lineChart(
  doc: Doc,
  area: PdfArea,
  axes: ChartAxes,
  series: readonly LineSeries[],
  options: { fromZero?: boolean; ceiling?: number; valueLabels?: boolean } = {},
): void {
  const values = series.flatMap((each) => each.values.filter((value): value is number => value !== null));
  const legend: LegendEntry[] = series.map((each) => ({
    name: each.name,
    draw: (x, y) => {
      doc.lineWidth(1.2).strokeColor(each.style.color);
      if (each.style.dash > 0) doc.dash(each.style.dash, { space: 2 });
      doc
        .moveTo(x, y)
        .lineTo(x + 16, y)
        .stroke();
      doc.undash();
      marker(doc, x + 8, y, each.style);
    },
  }));
  const plot = drawAxes(doc, area, axes, yRange(values, options), legendRowsOf(doc, area, legend));
  const slot = (plot.right - plot.left) / Math.max(axes.xLabels.length, 1);
  const xOf = (index: number) => plot.left + index * slot + slot / 2;
  for (const each of series) {
    doc.lineWidth(1.4).strokeColor(each.style.color);
    if (each.style.dash > 0) doc.dash(each.style.dash, { space: 2 });
    let drawing = false;
    each.values.forEach((value, index) => {
      if (value === null) {
        drawing = false;
        return;
      }
      if (drawing) doc.lineTo(xOf(index), yOf(plot, value));
      else doc.moveTo(xOf(index), yOf(plot, value));
      drawing = true;
    });
    doc.stroke();
    doc.undash();
    each.values.forEach((value, index) => {
      if (value === null) return;
      marker(doc, xOf(index), yOf(plot, value), each.style);
      if (options.valueLabels) {
        doc.font('Helvetica').fontSize(6.5).fillColor(ink);
        text(doc, axes.yFormat(value), xOf(index) - 25, yOf(plot, value) - 11, {
          width: 50,
          align: 'center',
        });
      }
    });
  }
  // A week where no series measured anything says so, rather than looking like a drop.
  axes.xLabels.forEach((_, index) => {
    if (series.every((each) => each.values[index] === null || each.values[index] === undefined)) {
      doc.font('Helvetica-Oblique').fontSize(6.5).fillColor('#555555');
      text(doc, axes.noData, xOf(index) - slot / 2, plot.bottom - 20, { width: slot, align: 'center' });
    }
  });
  drawLegend(doc, area, legend);
}

/** Single-series bars with their value written above each (e.g. a percentage per week). */
export function barChart(
  doc: Doc,
  area: PdfArea,
  axes: ChartAxes,
  series: { name: string; style: BarStyle; values: readonly (number | null)[] },
  options: { ceiling?: number } = {},
): void {
  const legend: LegendEntry[] = [
    { name: series.name, draw: (x, y) => box(doc, x, y - 4, 16, 8, series.style) },
  ];
  const values = series.values.filter((value): value is number => value !== null);
  const plot = drawAxes(doc, area, axes, yRange(values, options), legendRowsOf(doc, area, legend));
  const slot = (plot.right - plot.left) / Math.max(axes.xLabels.length, 1);
  const width = Math.min(slot * 0.6, 48);
  series.values.forEach((value, index) => {
    const x = plot.left + index * slot + (slot - width) / 2;
    if (value === null) {
      doc.font('Helvetica-Oblique').fontSize(6.5).fillColor('#555555');
      text(doc, axes.noData, x - 10, plot.bottom - 10, { width: width + 20, align: 'center' });
      return;
    }
    const top = yOf(plot, value);
    if (value > 0) box(doc, x, top, width, plot.bottom - top, series.style);
    doc.font('Helvetica-Bold').fontSize(7).fillColor(ink);
    text(doc, axes.yFormat(value), x - 10, top - 9, { width: width + 20, align: 'center' });
  });
  drawLegend(doc, area, legend);
}
