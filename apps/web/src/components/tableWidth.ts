/**
 * The room a table has beside the menu on a 1440 px screen: 1158 px measured in Chromium (1440 less
 * the 200 px menu and the page's and the card's padding), less a 17 px scrollbar of desktop
 * browsers, rounded down. Columns that fit it read in full there; narrower screens scroll sideways.
 */
export const TABLE_WIDTH_AT_1440 = 1130;

/** The same on a 1366 px laptop: 1084 px measured in Chromium, less the scrollbar, rounded down. */
export const TABLE_WIDTH_AT_1366 = 1060;

/** The columns' widths added up: the table's `scroll.x`, so each column is as wide as it says. */
export function columnsWidth(columns: readonly { width?: number | string }[]): number {
  return columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0);
}
