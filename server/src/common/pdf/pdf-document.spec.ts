import { describe, expect, it } from 'vitest';
import { PdfWriter, pdfText } from './pdf-document.js';

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
