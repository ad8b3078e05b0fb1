// jsdom has no layout: media queries are answered for a desktop screen (window.innerWidth, 1024 in
// jsdom; a test may set it, or resize the window), so antd's breakpoints see a wide screen as a
// browser would.
const widthMatches = (query: string): boolean => {
  const min = /min-width:\s*(\d+)px/.exec(query);
  const max = /max-width:\s*(\d+(?:\.\d+)?)px/.exec(query);
  const width = window.innerWidth;
  return (!min || width >= Number(min[1])) && (!max || width <= Number(max[1])) && Boolean(min || max);
};

type Listener = (event: { matches: boolean; media: string }) => void;
interface QueryList {
  media: string;
  matches: boolean;
  listeners: Set<Listener>;
}
// Each query list keeps its listeners, so a resize tells those whose answer changed.
const queryLists = new Set<QueryList>();

export function installMatchMedia() {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => {
      const listeners = new Set<Listener>();
      const list = {
        matches: widthMatches(query),
        media: query,
        listeners,
        onchange: null,
        addListener: (listener: Listener) => listeners.add(listener),
        removeListener: (listener: Listener) => listeners.delete(listener),
        addEventListener: (_type: string, listener: Listener) => listeners.add(listener),
        removeEventListener: (_type: string, listener: Listener) => listeners.delete(listener),
        dispatchEvent: () => false,
      };
      queryLists.add(list);
      return list;
    },
  });
}

/**
 * The window becomes `width` px wide, as when a phone is turned or a desktop window narrowed: every
 * media query whose answer changes tells its listeners (antd's breakpoints among them).
 */
export function resizeWindow(width: number) {
  window.innerWidth = width;
  for (const list of queryLists) {
    const matches = widthMatches(list.media);
    if (matches === list.matches) continue;
    list.matches = matches;
    for (const listener of list.listeners) listener({ matches, media: list.media });
  }
  window.dispatchEvent(new Event('resize'));
}

/** Lists no one listens to any more are forgotten between tests. */
export function forgetUnusedQueryLists() {
  for (const list of queryLists) if (list.listeners.size === 0) queryLists.delete(list);
}
