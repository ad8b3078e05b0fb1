/**
 * A printable document (审批单, 一企一档) as plain text laid out in sections: what it says is decided
 * here, in pure code; how it looks on A4 is the renderer's (apps/api/src/printouts/).
 */
export interface Printout {
  title: string;
  /** One line under the title: what the document is of, and when it was printed. */
  subtitle: string;
  sections: PrintSection[];
}

/** A heading with label–value rows (a form's grid), a table, or a line saying there is nothing. */
export interface PrintSection {
  heading: string;
  fields?: PrintField[];
  table?: PrintTable;
  /** Shown when the section has neither fields nor table rows. */
  empty?: string;
}

export interface PrintField {
  label: string;
  value: string;
}

export interface PrintTable {
  /** Relative widths: the renderer shares the page's width in these proportions. */
  columns: { header: string; width: number }[];
  rows: string[][];
}

/** A section holding one table: columns as `[header, relative width]`. */
export function tableSection(
  heading: string,
  columns: [header: string, width: number][],
  rows: string[][],
  empty?: string,
): PrintSection {
  return { heading, table: { columns: columns.map(([header, width]) => ({ header, width })), rows }, empty };
}
