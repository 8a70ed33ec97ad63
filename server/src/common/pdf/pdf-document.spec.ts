import { describe, expect, it } from 'vitest';
import { PdfWriter, pdfText, type PdfArea } from './pdf-document.js';

describe('pdf', () => {
  it('keeps French text and spells out what the standard fonts cannot draw', () => {
    expect(pdfText('Température ≤ 27 °C — « ok » €')).toBe('Température <= 27 °C — « ok » €');
    expect(pdfText('Isolement 5 MΩ')).toBe('Isolement 5 MOhm');
    expect(pdfText('数据')).toBe('??');
  });

  it('writes a numbered multi-page document', async () => {
    const pdf = new PdfWriter({ title: 'Essai' }).title('Essai').fields([['Clé', 'valeur']]);
    pdf.table(
      [
        { header: 'A', width: 1 },
        { header: 'B', width: 3 },
      ],
      Array.from({ length: 120 }, (_, index) => [String(index), 'ligne '.repeat(index % 7)]),
    );
    const bytes = await pdf.finish('Vigie');
    const text = bytes.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(Number(/\/Count (\d+)/.exec(text)?.[1])).toBeGreaterThan(1);
  });
});

describe('pdf cover, key figures and drawing areas', () => {
  it('draws an area on a new page when the current one has no room left, then writes below it', async () => {
    const pdf = new PdfWriter({ title: 'Essai', createdAt: new Date('2026-11-02T08:00:00Z') });
    pdf.cover('Titre', 'Sous-titre', 'Client', [['Période', 'octobre']]);
    pdf.keyFigures([
      { label: 'A', value: '1', note: 'avant 2' },
      { label: 'B', value: '3', note: 'avant 4' },
    ]);
    const areas: PdfArea[] = [];
    pdf.area(500, (area) => areas.push(area));
    const pageOfFirst = pdf.doc.bufferedPageRange().count;
    pdf.area(500, (area) => areas.push(area));
    expect(pdf.doc.bufferedPageRange().count).toBe(pageOfFirst + 1);
    expect(areas[1]?.y).toBe(40);
    expect(pdf.doc.y).toBe(540);
    expect(areas[0]?.width).toBe(pdf.contentWidth);
    const bytes = await pdf.finish('Vigie');
    expect(Number(/\/Count (\d+)/.exec(bytes.toString('latin1'))?.[1])).toBe(pageOfFirst + 1);
  });
});
