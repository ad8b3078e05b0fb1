// jsdom lacks what antd measures layouts with; these stand-ins answer "no media query matches".
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import '../i18n';
import { forgetUnusedQueryLists, installMatchMedia } from './media';

// A loaded CI machine renders antd pages slowly: wait for what a test looks for up to 8 s, not 1 s.
configure({ asyncUtilTimeout: 8000 });

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
  forgetUnusedQueryLists();
});
