import { StyleProvider } from '@ant-design/cssinjs';
import { act, render } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { Actor } from '../api/types';
import { App } from '../App';
import { preloadPages } from '../routes';
import { storeToken } from '../auth/token';
import { fakeApi } from './fake-api';
import { REFERENCE } from './reference.fixture';
import { resizeWindow } from './media';

// The routes load each page on demand (React.lazy); here they are loaded once, before any test, so
// a test's wait is for the page's data, not for the transform of the page's module graph.
await preloadPages();

/**
 * user-event without its pointer-events check and typing delay: the check reads the computed style
 * of every ancestor, which costs jsdom seconds per click under antd's style sheets.
 */
export function fastUser() {
  return userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never, delay: null });
}

/**
 * antd's style sheets go into a node outside the document: jsdom's getComputedStyle, which every
 * getByRole runs on every element it considers, no longer parses thousands of rules each time
 * (web tests' CPU 82 s → 55 s on the four slowest files). No test depends on antd's CSS: visibility
 * a test checks is antd's inline style or an unmounted node, not a class's rule.
 */
const styleSink = document.createElement('div');

export const USERS = {
  admin: { username: 'admin', role: 'system_admin', scope: {}, displayName: '管理员' },
  coordinator: { username: 'coordinator', role: 'city_coordinator', scope: {}, displayName: '统筹员' },
  auditor: { username: 'auditor', role: 'auditor', scope: {}, displayName: '审计员' },
  leader: { username: 'leader', role: 'leader', scope: {}, displayName: '委领导' },
  finance: {
    username: 'fin',
    role: 'finance_officer',
    scope: { department: 'finance' },
    displayName: '金融处',
  },
  /** The user of the enterprise of pages/enterprises/enterprise.fixture (its credit code). */
  enterprise: {
    username: 'ent-xince',
    role: 'enterprise_user',
    scope: { creditCodes: ['91500112000000001R'] },
    displayName: '重庆芯测半导体科技有限公司 联系人',
  },
} satisfies Record<string, Actor>;

/**
 * The whole app signed in as `user` at `path`, the API answered from `routes` (GET /me with `user`
 * and GET /reference with the fixture unless `routes` answer them): the page is tested behind the
 * real shell, route guard and reference gate, as a user reaches it.
 */
export function openPage(path: string, user: Actor, routes: Parameters<typeof fakeApi>[0]) {
  storeToken('test-token');
  const fake = fakeApi({ 'GET /me': user, 'GET /reference': REFERENCE, ...routes });
  window.history.pushState({}, '', path);
  render(
    <StyleProvider container={styleSink}>
      <App />
    </StyleProvider>,
  );
  return fake;
}

/** Runs `test` on a window `width` px wide (antd's breakpoints follow it, test/setup.ts), then restores the width. */
export async function atWidth(width: number, test: () => Promise<void>) {
  const before = window.innerWidth;
  act(() => resizeWindow(width));
  try {
    await test();
  } finally {
    act(() => resizeWindow(before));
  }
}
