import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Printout, PrintField, PrintSection, PrintTable } from '@hardtech/domain';

/**
 * A printout on A4 as a PDF with Noto Sans SC embedded (subset by pdfkit), shipped in an npm package
 * so that nothing depends on the system's fonts at run time.
 */
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};
let fonts: { regular: Buffer; bold: Buffer } | undefined;
// Read once: each font file is about 10 MB.
const loadFonts = () =>
  (fonts ??= {
    regular: readFileSync(require.resolve(FONT_FILES.regular)),
    bold: readFileSync(require.resolve(FONT_FILES.bold)),
  });

const MARGIN = 50;
const PAD = 4;
const BODY = 9.5;
const LABEL_WIDTH = 150;
const LINE = '#999999';
const SHADE = '#f2f2f2';
/** Rows up to this height move whole to the next page; taller ones flow across it. */
const ROW_KEPT_WHOLE = 120;

interface Cell {
  text: string;
  x: number;
  width: number;
  shade?: boolean;
}

export async function printoutPdf(p: Printout): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `${p.title} ${p.subtitle}`, Creator: 'hardtech-pool' },
    lang: 'zh-CN',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  new Layout(doc).print(p);
  pageNumbers(doc);
  doc.end();
  return done;
}

class Layout {
  private readonly left = MARGIN;
  private readonly width: number;
  private readonly bottom: number;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    this.width = doc.page.width - 2 * MARGIN;
    this.bottom = doc.page.height - MARGIN;
  }

  print(p: Printout) {
    const { doc } = this;
    doc.font('bold').fontSize(18).text(p.title, this.left, MARGIN, { width: this.width, align: 'center' });
    doc.moveDown(0.3);
    doc.font('regular').fontSize(9).fillColor('#555555');
    doc.text(p.subtitle, { width: this.width, align: 'center' }).fillColor('black');
    for (const s of p.sections) this.section(s);
  }

  private section(s: PrintSection) {
    const { doc } = this;
    doc.moveDown(0.8);
    // A heading never stands alone at a page's foot.
    this.room(40);
    doc.font('bold').fontSize(12).text(s.heading, this.left, doc.y, { width: this.width });
    doc.moveDown(0.3);
    doc.font('regular').fontSize(BODY);
    for (const f of s.fields ?? []) this.field(f);
    if (s.table && s.table.rows.length) this.table(s.table);
    else if (!s.fields?.length && s.empty) doc.text(s.empty, this.left, doc.y, { width: this.width });
  }

  private field(f: PrintField) {
    this.row([
      { text: f.label, x: this.left, width: LABEL_WIDTH, shade: true },
      { text: f.value, x: this.left + LABEL_WIDTH, width: this.width - LABEL_WIDTH },
    ]);
  }

  private table(t: PrintTable) {
    const total = t.columns.reduce((sum, c) => sum + c.width, 0);
    let x = this.left;
    const cells = t.columns.map((c) => {
      const cell = { x, width: (c.width / total) * this.width };
      x += cell.width;
      return cell;
    });
    const header = t.columns.map((c, i) => ({ ...cells[i], text: c.header, shade: true }));
    this.row(header, 'bold');
    for (const r of t.rows) {
      const row = r.map((text, i) => ({ ...cells[i], text }));
      // A table continued on a new page repeats its header.
      if (this.room(Math.min(this.height(row), ROW_KEPT_WHOLE))) this.row(header, 'bold');
      this.row(row);
    }
  }

  private height(cells: Cell[], font = 'regular'): number {
    const { doc } = this;
    doc.font(font).fontSize(BODY);
    const texts = cells.map((c) => doc.heightOfString(c.text || ' ', { width: c.width - 2 * PAD }));
    return Math.max(...texts) + 2 * PAD;
  }

  /**
   * One bordered row of cells, on a new page when it does not fit. A row taller than what is
   * left of a page (a long description) flows on as plain text.
   */
  private row(cells: Cell[], font = 'regular') {
    const { doc } = this;
    const height = this.height(cells, font);
    this.room(Math.min(height, ROW_KEPT_WHOLE));
    const top = doc.y;
    if (top + height > this.bottom) {
      for (const c of cells) {
        doc.text(c.text, c.x + PAD, Math.max(doc.y, top) + PAD, { width: c.width - 2 * PAD });
      }
      doc.x = this.left;
      return;
    }
    for (const c of cells) {
      if (c.shade) doc.rect(c.x, top, c.width, height).fill(SHADE).fillColor('black');
      doc.rect(c.x, top, c.width, height).lineWidth(0.5).strokeColor(LINE).stroke();
      doc.text(c.text, c.x + PAD, top + PAD, { width: c.width - 2 * PAD });
    }
    doc.x = this.left;
    doc.y = top + height;
  }

  /** Starts a new page unless `height` fits on this one; answers whether it did. */
  private room(height: number): boolean {
    if (this.doc.y + height <= this.bottom) return false;
    this.doc.addPage();
    return true;
  }
}

/** 第 n 页 / 共 m 页 in each page's bottom margin. */
function pageNumbers(doc: PDFKit.PDFDocument) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing inside the margin would otherwise make pdfkit start a page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor('#555555')
      .text(`第 ${i + 1} 页 / 共 ${count} 页`, MARGIN, doc.page.height - MARGIN / 2 - 4, {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}
