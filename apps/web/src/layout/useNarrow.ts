import { Grid } from 'antd';

/**
 * Phone width (below antd's `md`, 768 px): the one breakpoint where the shell becomes a drawer,
 * tables become cards and controls grow to touch size. Desktop and tablet layouts stay as they are.
 */
export function useNarrow(): boolean {
  const screens = Grid.useBreakpoint();
  // Before the first measurement every flag is undefined: assume a wide screen, as before.
  return screens.md === false;
}
