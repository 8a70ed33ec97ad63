import PDFDocument from 'pdfkit';

/*
 * Server-side PDF with pdfkit (0.20, MIT, pure JavaScript, no native code or headless browser): it
 * lays out and wraps text across pages by itself, which pdf-lib leaves to the caller, and that is
 * what run records and steering reports are made of. The standard Helvetica font needs no font
 * file; it covers French (WinAnsi), and `pdfText` replaces the few characters it cannot draw.
 */

const replacements: Record<string, string> = {
  Ω: 'Ohm',
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
  '→': '->',
  '←': '<-',
  '×': 'x',
  '÷': '/',
  '−': '-',
  '\u00a0': ' ',
  '\u202f': ' ',
};

// Characters Helvetica's WinAnsi encoding can draw beyond Latin-1.
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text the standard PDF fonts can draw: known symbols spelled out, anything else outside WinAnsi as `?`. */
export function pdfText(text: string): string {
  let out = '';
  for (const char of text) {
    const replacement = replacements[char];
    if (replacement !== undefined) out += replacement;
    else if (char === '\n' || (char >= ' ' && char <= '\u00ff') || winAnsiExtras.has(char)) out += char;
    else out += '?';
  }
  return out;
}

/** A rectangle of the page, in points. */
export interface PdfArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One boxed figure of a cover page: a label, the value, and a line under it (e.g. the previous value). */
export interface PdfKeyFigure {
  label: string;
  value: string;
  note: string;
}

export interface PdfTableColumn {
  header: string;
  /** Share of the text width. */
  width: number;
}

/** A small writer over pdfkit: title, key/value lines, paragraphs, wrapped tables, page numbers. */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly margin = 40;

  /** `createdAt` stamps the document (default now): a fixed stamp makes the same content give the same bytes. */
  constructor(info: { title: string; author?: string; createdAt?: Date }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: this.margin,
      bufferPages: true,
      info: {
        Title: pdfText(info.title),
        Author: pdfText(info.author ?? 'Vigie'),
        Creator: 'Vigie',
        ...(info.createdAt ? { CreationDate: info.createdAt } : {}),
      },
    });
  }

  private get textWidth(): number {
    return this.doc.page.width - 2 * this.margin;
  }

  /** The width between the margins, for callers that draw (charts). */
  get contentWidth(): number {
    return this.textWidth;
  }

  newPage(): this {
    this.doc.addPage();
    return this;
  }

  /** A cover: a large title and subtitle a quarter down the page, then the fields in a larger type. */
  cover(title: string, subtitle: string, lead: string, pairs: readonly (readonly [string, string])[]): this {
    const doc = this.doc;
    doc.y = doc.page.height * 0.18;
    doc.font('Helvetica-Bold').fontSize(26).fillColor('black').text(pdfText(title), this.margin);
    doc.font('Helvetica').fontSize(16).fillColor('#333333').text(pdfText(subtitle)).moveDown(0.6);
    doc
      .moveTo(this.margin, doc.y)
      .lineTo(this.margin + this.textWidth, doc.y)
      .lineWidth(1.5)
      .strokeColor('black')
      .stroke();
    doc
      .moveDown(0.8)
      .font('Helvetica-Bold')
      .fontSize(18)
      .fillColor('black')
      .text(pdfText(lead))
      .moveDown(0.6);
    for (const [label, value] of pairs) {
      doc
        .font('Helvetica-Bold')
        .fontSize(11)
        .text(`${pdfText(label)}: `, this.margin, undefined, { continued: true })
        .font('Helvetica')
        .text(pdfText(value))
        .moveDown(0.2);
    }
    doc.moveDown(1);
    return this;
  }

  /** Figures in boxes, `perRow` to a row: the value large, the label above and the note below. */
  keyFigures(figures: readonly PdfKeyFigure[], perRow = 3): this {
    const doc = this.doc;
    const gap = 10;
    const width = (this.textWidth - gap * (perRow - 1)) / perRow;
    const height = 70;
    for (let start = 0; start < figures.length; start += perRow) {
      this.ensureSpace(height + gap);
      const top = doc.y;
      figures.slice(start, start + perRow).forEach((figure, index) => {
        const x = this.margin + index * (width + gap);
        doc.rect(x, top, width, height).lineWidth(0.8).strokeColor('#444444').stroke();
        doc
          .font('Helvetica')
          .fontSize(8)
          .fillColor('#333333')
          .text(pdfText(figure.label), x + 6, top + 6, { width: width - 12, height: 20, ellipsis: true });
        doc
          .font('Helvetica-Bold')
          .fontSize(18)
          .fillColor('black')
          .text(pdfText(figure.value), x + 6, top + 27, { width: width - 12, lineBreak: false });
        doc
          .font('Helvetica')
          .fontSize(7.5)
          .fillColor('#333333')
          .text(pdfText(figure.note), x + 6, top + 52, { width: width - 12, lineBreak: false });
      });
      doc.fillColor('black');
      doc.x = this.margin;
      doc.y = top + height + gap;
    }
    return this;
  }

  /** A new page unless `height` points are left on this one (keeps a title with what follows). */
  room(height: number): this {
    this.ensureSpace(height);
    return this;
  }

  subheading(text: string): this {
    this.ensureSpace(30);
    this.doc.moveDown(0.3).font('Helvetica-Bold').fontSize(10).text(pdfText(text), this.margin).moveDown(0.2);
    return this;
  }

  /** A small grey line of text (counts left out of a list, "none in the period"). */
  note(text: string): this {
    this.doc.font('Helvetica-Oblique').fontSize(8).fillColor('#444444').text(pdfText(text), this.margin);
    this.doc.fillColor('black').moveDown(0.3);
    return this;
  }

  /**
   * Room of `height` points on the page (a new page when it does not fit) for the caller to draw in,
   * e.g. a chart; the text then continues below it.
   */
  area(height: number, draw: (area: PdfArea) => void): this {
    this.ensureSpace(height);
    const area = { x: this.margin, y: this.doc.y, width: this.textWidth, height };
    draw(area);
    this.doc.fillColor('black').strokeColor('black').lineWidth(1).undash();
    this.doc.x = this.margin;
    this.doc.y = area.y + height;
    return this;
  }

  title(text: string): this {
    this.doc.font('Helvetica-Bold').fontSize(16).text(pdfText(text)).moveDown(0.5);
    return this;
  }

  heading(text: string): this {
    this.ensureSpace(40);
    this.doc.moveDown(0.5).font('Helvetica-Bold').fontSize(12).text(pdfText(text), this.margin).moveDown(0.3);
    return this;
  }

  fields(pairs: readonly (readonly [string, string])[]): this {
    for (const [label, value] of pairs) {
      this.doc
        .font('Helvetica-Bold')
        .fontSize(9)
        .text(`${pdfText(label)}: `, this.margin, undefined, { continued: true })
        .font('Helvetica')
        .text(pdfText(value));
    }
    return this;
  }

  paragraph(text: string): this {
    this.doc.font('Helvetica').fontSize(9).text(pdfText(text), this.margin).moveDown(0.3);
    return this;
  }

  /** A table whose cells wrap; rows never split across pages, and the header repeats on each page. */
  table(columns: readonly PdfTableColumn[], rows: readonly (readonly string[])[]): this {
    const total = columns.reduce((sum, column) => sum + column.width, 0);
    const widths = columns.map((column) => (column.width / total) * this.textWidth);
    const padding = 2;
    const drawRow = (cells: readonly string[], bold: boolean) => {
      this.doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
      const heights = cells.map((cell, index) =>
        this.doc.heightOfString(pdfText(cell), { width: (widths[index] ?? 0) - 2 * padding }),
      );
      const height = Math.max(...heights, 8) + 2 * padding;
      if (this.doc.y + height > this.doc.page.height - this.margin - 20) {
        this.doc.addPage();
        if (!bold)
          drawRow(
            columns.map((column) => column.header),
            true,
          );
        this.doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
      }
      const top = this.doc.y;
      let x = this.margin;
      cells.forEach((cell, index) => {
        const width = widths[index] ?? 0;
        this.doc.text(pdfText(cell), x + padding, top + padding, { width: width - 2 * padding });
        x += width;
      });
      this.doc
        .moveTo(this.margin, top + height)
        .lineTo(this.margin + this.textWidth, top + height)
        .lineWidth(0.3)
        .strokeColor('#999999')
        .stroke();
      this.doc.x = this.margin;
      this.doc.y = top + height;
    };
    drawRow(
      columns.map((column) => column.header),
      true,
    );
    for (const row of rows) drawRow(row, false);
    this.doc.moveDown(0.5);
    return this;
  }

  private ensureSpace(height: number): void {
    if (this.doc.y + height > this.doc.page.height - this.margin - 20) this.doc.addPage();
  }

  /** Numbers the pages ("footer · 2 / 5") and answers the document's bytes. */
  finish(footer: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    const range = this.doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      this.doc.switchToPage(index);
      const bottom = this.doc.page.height - this.margin + 10;
      // Writing below the bottom margin would add a page: lift the margin while drawing the footer.
      this.doc.page.margins.bottom = 0;
      this.doc
        .font('Helvetica')
        .fontSize(7)
        .fillColor('#555555')
        .text(pdfText(`${footer} · ${index + 1} / ${range.count}`), this.margin, bottom, {
          width: this.textWidth,
          align: 'right',
          lineBreak: false,
        });
    }
    this.doc.end();
    return done;
  }
}
