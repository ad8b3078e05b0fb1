import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Printout, PrintSection } from '@hardtech/domain';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Chinese text in 宋体, headings in 黑体: what a 调度会 handout looks like in Word. */
const FONT = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: 'SimSun', cs: 'SimSun' };
const HEADING_FONT = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: 'SimHei', cs: 'SimHei' };

/**
 * A Printout (libs/domain/src/printouts) as a Word document: what it says is decided there, this
 * only lays it out — title, subtitle, each section's label–value lines and tables.
 */
export function docxOfPrintout(p: Printout): Promise<Buffer> {
  const doc = new Document({
    creator: 'hardtech',
    title: p.title,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: p.title, font: HEADING_FONT, bold: true, size: 36 })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: p.subtitle, size: 21 })],
          }),
          ...p.sections.flatMap(section),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function section(s: PrintSection): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      spacing: { before: 240, after: 120 },
      children: [new TextRun({ text: s.heading, font: HEADING_FONT, bold: true, size: 28 })],
    }),
  ];
  for (const f of s.fields ?? []) {
    out.push(
      new Paragraph({ children: [new TextRun({ text: `${f.label}：`, bold: true }), new TextRun(f.value)] }),
    );
  }
  const rows = s.table?.rows ?? [];
  if (s.table && rows.length) {
    const total = s.table.columns.reduce((sum, c) => sum + c.width, 0);
    const widths = s.table.columns.map((c) => Math.round((c.width / total) * 100));
    const cell = (text: string, i: number, bold = false) =>
      new TableCell({
        width: { size: widths[i], type: WidthType.PERCENTAGE },
        children: text
          .split('\n')
          .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold, size: 21 })] })),
      });
    out.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({
            tableHeader: true,
            children: s.table.columns.map((c, i) => cell(c.header, i, true)),
          }),
          ...rows.map((r) => new TableRow({ children: r.map((v, i) => cell(v, i)) })),
        ],
      }),
    );
  } else if (!s.fields?.length && s.empty) {
    out.push(new Paragraph(s.empty));
  }
  return out;
}
