import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { resizeWindow } from '../test/media';
import { fastUser, openPage, USERS } from '../test/open-page';
import { REFERENCE } from '../test/reference.fixture';
import { sampleTaskDetail } from '../pages/tasks/taskFixture';

const DESKTOP_WIDTH = window.innerWidth;
const REVIEW = sampleTaskDetail('QUARTERLY_REVIEW', { quarter: '2026Q4' });

describe('the shell across the phone breakpoint', () => {
  afterEach(() => resizeWindow(DESKTOP_WIDTH));

  it('keeps a half-filled form when the window crosses 768 px and back: only the frame changes', async () => {
    const user = fastUser();
    resizeWindow(1440);
    openPage('/tasks/t-1', USERS.coordinator, {
      'GET /reference': REFERENCE,
      'GET /tasks/t-1': REVIEW,
      'GET /attachments': [],
    });
    await user.click(await screen.findByText('建议退出'));
    await user.type(screen.getByLabelText('评审意见'), '连续两季未报');
    expect(screen.queryByTestId('nav-toggle')).toBeNull();

    act(() => resizeWindow(700));
    expect(await screen.findByTestId('nav-toggle')).toBeVisible();
    expect(screen.getByLabelText('评审意见')).toHaveValue('连续两季未报');

    act(() => resizeWindow(1440));
    await screen.findByTestId('current-user');
    expect(screen.queryByTestId('nav-toggle')).toBeNull();
    expect(screen.getByLabelText('评审意见')).toHaveValue('连续两季未报');
    expect(screen.getByRole('radio', { name: '建议退出' })).toBeChecked();
  });

  it("gives the signed-in user's name the room of a wide header, and 240 px beside a tablet's title", async () => {
    resizeWindow(1440);
    openPage('/inbox', USERS.coordinator, {
      'GET /reference': REFERENCE,
      'GET /tasks': { items: [], total: 0 },
    });
    const who = await screen.findByTestId('current-user');
    await waitFor(() => expect(who.style.maxWidth).toBe('480px'));
    act(() => resizeWindow(900));
    await waitFor(() => expect(who.style.maxWidth).toBe('240px'));
  });

  it("shows an enterprise user's whole name in the phone's drawer, wrapped, not cut", async () => {
    resizeWindow(390);
    openPage('/notifications', USERS.enterprise, {
      'GET /reference': REFERENCE,
      'GET /notifications': { items: [], total: 0, unread: 0 },
    });
    await fastUser().click(await screen.findByTestId('nav-toggle'));
    const who = await screen.findByTestId('current-user');
    expect(who).toHaveTextContent('重庆芯测半导体科技有限公司 联系人');
    expect(who.style.whiteSpace).toBe('normal');
    expect(who.style.textOverflow).toBe('');
  });
});

// An officer could change their password only when it expired or at the first login (and an
// administrator by resetting their own row, skipping the current one): 修改密码 is in the header now.
describe('修改密码 from the header', () => {
  it('asks the current and the new password, sends them to POST /me/password and goes home', async () => {
    const user = fastUser();
    const { calls } = openPage('/notifications', USERS.coordinator, {
      'GET /notifications': { items: [], total: 0, unread: 0 },
      'POST /me/password': { accessToken: 'token-2', user: USERS.coordinator },
      'GET /tasks': { items: [], total: 0 },
    });
    await user.click(await screen.findByTestId('change-password'));
    expect(await screen.findByRole('heading', { name: '修改密码' })).toBeVisible();
    await user.type(screen.getByLabelText('当前密码'), 'old-pass-1234');
    await user.type(screen.getByLabelText('新密码'), 'new-pass-5678');
    await user.type(screen.getByLabelText('确认新密码'), 'new-pass-5678');
    const form = screen.getByLabelText('当前密码').closest('form')!;
    await user.click(within(form).getByRole('button', { name: /修改密码/ }));
    await waitFor(() =>
      expect(calls).toContainEqual({
        method: 'POST',
        path: '/me/password',
        body: { currentPassword: 'old-pass-1234', newPassword: 'new-pass-5678' },
      }),
    );
    expect(await screen.findByText('密码已修改')).toBeVisible();
    await waitFor(() => expect(window.location.pathname).not.toBe('/password'));
  });
});
