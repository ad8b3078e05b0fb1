// jsdom lacks what antd measures layouts with; these stand-ins answer "no media query matches".
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { forgetReference } from '../api/reference';
import '../i18n';

// A loaded CI machine renders antd pages slowly: wait for what a test looks for up to 15 s, not 1 s
// (a page opened cold took 8–13 s at load 20–30 on two cores; tests name no shorter wait).
configure({ asyncUtilTimeout: 15_000 });

// jsdom has no layout: media queries are answered for a desktop screen (window.innerWidth, 1024 in
// jsdom; a test may set it), so antd's breakpoints see a wide screen as a browser would.
const widthMatches = (query: string): boolean => {
  const min = /min-width:\s*(\d+)px/.exec(query);
  const max = /max-width:\s*(\d+(?:\.\d+)?)px/.exec(query);
  const width = window.innerWidth;
  return (!min || width >= Number(min[1])) && (!max || width <= Number(max[1])) && Boolean(min || max);
};
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: widthMatches(query),
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

afterEach(() => {
  cleanup();
  localStorage.clear();
  // Each test is a page load of its own: its reference comes from its own fake API, not a neighbour's.
  forgetReference();
});
