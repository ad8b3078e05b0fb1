// jsdom lacks what antd measures layouts with; these stand-ins answer "no media query matches".
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { forgetPrimed } from '../api/primed';
import { forgetReference } from '../api/reference';
import '../i18n';
import { forgetUnusedQueryLists, installMatchMedia } from './media';

// A loaded CI machine renders antd pages slowly: wait for what a test looks for up to 15 s, not 1 s
// (a page opened cold took 8–13 s at load 20–30 on two cores; tests name no shorter wait).
configure({ asyncUtilTimeout: 15_000 });

installMatchMedia();

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
  forgetPrimed();
  forgetUnusedQueryLists();
});
