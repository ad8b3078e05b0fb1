import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../App';
import { fakeApi } from '../../test/fake-api';

const coordinator = { username: 'coordinator', role: 'city_coordinator', scope: {}, displayName: '统筹员' };

describe('login', () => {
  it('is in Chinese by default and shows the refusal the server gives', async () => {
    const { calls } = fakeApi({
      'POST /auth/login': () => ({
        status: 401,
        body: { statusCode: 401, code: 'BAD_CREDENTIALS', message: '用户名或密码错误' },
      }),
    });
    render(<App />);
    await userEvent.type(screen.getByLabelText('用户名'), 'coordinator');
    await userEvent.type(screen.getByLabelText('密码'), 'wrong-password');
    await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('登录失败：用户名或密码错误');
    expect(calls).toContainEqual({
      method: 'POST',
      path: '/auth/login',
      body: { username: 'coordinator', password: 'wrong-password' },
    });
  });

  it('signs in and shows the navigation of the role, from the login answer without asking GET /me', async () => {
    const { calls } = fakeApi({
      'POST /auth/login': { accessToken: 'token-1', user: coordinator },
      'GET /me': coordinator,
      'GET /reference': {
        districts: [],
        clusters: [],
        stages: {},
        taskTypes: {},
        roles: { city_coordinator: { zh: '科技处（统筹）', en: 'City coordinator' } },
      },
    });
    render(<App />);
    await userEvent.type(screen.getByLabelText('用户名'), 'coordinator');
    await userEvent.type(screen.getByLabelText('密码'), 'demo123456');
    await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    await waitFor(() =>
      expect(screen.getByTestId('current-user')).toHaveTextContent('统筹员 · 科技处（统筹）'),
    );
    const nav = screen.getByTestId('nav');
    expect(nav).toHaveTextContent('政策参数');
    expect(nav).toHaveTextContent('待办任务');
    expect(localStorage.getItem('hardtech.token')).toBe('token-1');
    // The answer names the caller: one round trip fewer before the first page (its data waits for it).
    expect(calls.filter((c) => c.path === '/me')).toEqual([]);
  });

  it('offers single sign-on when the API has it, and says why one did not open a session', async () => {
    window.history.replaceState(null, '', '/login?ssoError=sso_account_unknown');
    fakeApi({
      'GET /auth/oidc': { enabled: true, label: '渝快政统一身份认证', loginUrl: '/api/auth/oidc/login' },
    });
    render(<App />);
    expect(await screen.findByRole('button', { name: '渝快政统一身份认证' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('尚未对应本系统账号');
    // The password form stays beside it for installations and people without it.
    expect(screen.getByLabelText('用户名')).toBeInTheDocument();
    window.history.replaceState(null, '', '/');
  });

  it('shows no single sign-on when the API has none', async () => {
    fakeApi({ 'GET /auth/oidc': { enabled: false, label: null, loginUrl: null } });
    render(<App />);
    await screen.findByLabelText('用户名');
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('button', { name: /统一身份认证/ })).toBeNull();
  });
});
