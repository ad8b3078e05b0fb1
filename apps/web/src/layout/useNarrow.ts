import { Grid } from 'antd';
import { useState } from 'react';

/** antd's `md` breakpoint (its responsiveObserver, token.screenMD). */
const MD = '(min-width: 768px)';

/**
 * Phone width (below antd's `md`, 768 px): the one breakpoint where the shell becomes a drawer,
 * tables become cards and controls grow to touch size. Desktop and tablet layouts stay as they are.
 */
export function useNarrow(): boolean {
  const screens = Grid.useBreakpoint();
  // antd measures only after the first render, which drew a phone the desk's table and fetched the
  // desk's page (50 audit events, aborted at once): until it has, the same query asked here.
  const [wide] = useState(() => window.matchMedia?.(MD).matches ?? true);
  return (screens.md ?? wide) === false;
}
