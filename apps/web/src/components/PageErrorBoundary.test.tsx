import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { openPage, USERS } from '../test/open-page';

// A page that throws while rendering, as a page whose code failed to download does (React's lazy
// rethrows the failed import on render).
vi.mock('../pages/audit/AuditPage', () => ({
  AuditPage: () => {
    throw new Error('chunk failed');
  },
}));

describe('a page that cannot be shown', () => {
  it('says so inside the shell and offers a reload, instead of blanking the app', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React reports the caught error
    openPage('/audit', USERS.auditor, {});
    expect(await screen.findByText('页面未能加载')).toBeInTheDocument();
    expect(screen.getByTestId('page-failed-reload')).toHaveTextContent('重新加载');
    // The shell is still there: the officer can go elsewhere without reloading.
    expect(screen.getByRole('banner')).toBeInTheDocument();
  });

  it('lets the next page render: the notice belongs to the page that failed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    openPage('/audit', USERS.auditor, {});
    expect(await screen.findByText('页面未能加载')).toBeInTheDocument();
    act(() => {
      window.history.pushState({}, '', '/dashboard');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(await screen.findByText('页面未能加载', {}, { timeout: 100 }).catch(() => null)).toBeNull();
  });
});
